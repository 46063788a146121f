import type { Scenario } from '../model/scenario.ts';
import { VALID_TOKEN } from '../world/world.ts';
import { baseScenario } from './baseScenario.ts';

export const corsPreflight: Scenario = {
  ...baseScenario,
  id: 'cors-preflight',
  title: 'CORS preflight',
  teaches:
    'A page on shop.example posting JSON with Authorization to api.shop.example: the browser asks first with OPTIONS, and it, not the server, enforces the answer.',
  seed: 82,
  request: {
    method: 'POST',
    url: 'https://api.shop.example/api/products/42/reviews',
    pageOrigin: 'https://shop.example',
    headers: [
      ['Authorization', `Bearer ${VALID_TOKEN}`],
      ['Content-Type', 'application/json'],
    ],
    body: '{"rating":5,"body":"Bright and steady light."}',
  },
  start: { ...baseScenario.start, resolverCache: 'answer' },
};
