import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const plainHttp: Scenario = {
  ...baseScenario,
  id: 'plain-http',
  title: 'Plain HTTP (no TLS)',
  teaches:
    'Without TLS there is one round trip less, and every router on the path can read and change the request.',
  seed: 44,
  request: { ...baseScenario.request, url: 'http://shop.example/api/products/42' },
};
