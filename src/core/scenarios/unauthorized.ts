import type { Scenario } from '../model/scenario.ts';
import { REVIEW_URL, baseScenario } from './baseScenario.ts';

export const unauthorized: Scenario = {
  ...baseScenario,
  id: 'unauthorized',
  title: '401 Unauthorized',
  teaches:
    'A request without a valid token is stopped by the auth middleware; it never reaches the handler or the database.',
  seed: 46,
  request: {
    method: 'POST',
    url: REVIEW_URL,
    headers: [['Content-Type', 'application/json']],
    body: '{"rating":5,"body":"Bright and steady light."}',
  },
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
};
