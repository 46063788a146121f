import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

/** The database's machine vanished: nothing answers at all (compare database-down). */
export const databaseUnreachable: Scenario = {
  ...baseScenario,
  id: 'database-unreachable',
  title: 'Database unreachable (machine gone)',
  teaches:
    'The database machine vanished: it sends nothing, not even a refusal. The query on a pooled connection is retransmitted with doubling waits, no driver times out by default, and the proxy gives up with 504.',
  seed: 55,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  faults: { ...baseScenario.faults, database: 'unreachable' },
};
