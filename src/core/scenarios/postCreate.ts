import type { Scenario } from '../model/scenario.ts';
import { VALID_TOKEN } from '../world/world.ts';
import { REVIEW_URL, baseScenario } from './baseScenario.ts';

export const postCreate: Scenario = {
  ...baseScenario,
  id: 'post-create',
  title: 'POST creates a row',
  teaches:
    'A POST is authenticated and validated; in one transaction the product is looked up with a share lock on its row and the review inserted; 201 Created with a Location.',
  seed: 48,
  request: {
    method: 'POST',
    url: REVIEW_URL,
    headers: [
      ['Authorization', `Bearer ${VALID_TOKEN}`],
      ['Content-Type', 'application/json'],
    ],
    body: '{"rating":5,"body":"Bright and steady light."}',
  },
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
};
