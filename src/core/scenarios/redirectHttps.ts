import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const redirectHttps: Scenario = {
  ...baseScenario,
  id: 'redirect-https',
  title: 'Redirect to HTTPS, then HSTS',
  teaches:
    'http:// typed in gets nginx’s 301 to https://; Strict-Transport-Security then makes the browser upgrade the next visit itself, with no request on port 80.',
  seed: 81,
  request: { ...baseScenario.request, url: 'http://shop.example/api/products/42', navigation: true },
  topology: { ...baseScenario.topology, httpsOnly: true },
  start: { ...baseScenario.start, resolverCache: 'answer' },
};
