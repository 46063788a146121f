import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const browserCacheHit: Scenario = {
  ...baseScenario,
  id: 'browser-cache-hit',
  title: 'Fresh in the browser cache',
  teaches:
    'A copy whose max-age has not run out is used with no network at all; repeat-visit’s API answer has no max-age and must be revalidated.',
  seed: 80,
  request: { ...baseScenario.request, url: 'https://shop.example/static/app.css' },
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', browserHttpCache: 'fresh' },
};
