import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const rateLimited: Scenario = {
  ...baseScenario,
  id: 'rate-limited',
  title: 'Rate limited',
  teaches:
    'The page sends requests faster than the API allows: nginx’s limit_req answers 429 Too Many Requests with Retry-After itself, and the app never sees the request.',
  seed: 81,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  rateLimit: { rate: 10, burst: 20, excess: 20.7, retryAfter: 1 },
};
