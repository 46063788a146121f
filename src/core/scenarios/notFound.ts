import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const notFound: Scenario = {
  ...baseScenario,
  id: 'not-found',
  title: '404 Not Found',
  teaches: 'A mistyped path matches no route: the router answers 404 and the database is never asked.',
  seed: 45,
  request: { ...baseScenario.request, url: 'https://shop.example/api/prodcuts/42' },
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
};
