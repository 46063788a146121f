import type { Scenario } from '../model/scenario.ts';
import { slowQuery } from './slowQuery.ts';

export const indexedQuery: Scenario = {
  ...slowQuery,
  id: 'indexed-query',
  title: 'Indexed query',
  teaches:
    'The same query with an index on sku: the database walks down the index to the one row in a fraction of a millisecond.',
  skuIndex: true,
};
