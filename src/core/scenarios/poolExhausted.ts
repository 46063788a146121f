import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

/** Every connection of the app's pool is busy with other requests: this one waits for a checkout. */
export const poolExhausted: Scenario = {
  ...baseScenario,
  id: 'pool-exhausted',
  title: 'Connection pool exhausted',
  teaches:
    'Every pooled connection is checked out by other requests: this one waits in the pool’s queue until the driver’s checkout timeout fires with its error and the app answers 500, or, where the driver has none, until the proxy gives up.',
  seed: 56,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  faults: { ...baseScenario.faults, database: 'pool-exhausted' },
  notFor: [
    {
      lang: 'php',
      reason:
        'Laravel on Octane has no connection pool: each worker process keeps its own connection, so there is no checkout to wait for (a busy site queues requests for a free worker instead).',
    },
  ],
};
