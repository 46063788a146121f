import type { Scenario } from '../model/scenario.ts';

/** Everything cold and healthy: the starting point each scenario file changes. */
export const baseScenario: Omit<Scenario, 'id' | 'title' | 'teaches'> = {
  seed: 42,
  request: { method: 'GET', url: 'https://shop.example/api/products/42', headers: [], body: '' },
  topology: { cdn: false, appCache: false },
  start: {
    browserDns: false,
    resolverCache: 'cold',
    connection: 'none',
    browserHttpCache: 'empty',
    appCache: 'empty',
    cdnCache: 'empty',
  },
  skuIndex: false,
  faults: { certificateExpired: false, database: 'up', appDown: false, handlerBug: false },
  requests: 1,
};

export const REVIEW_URL = 'https://shop.example/api/products/42/reviews';
