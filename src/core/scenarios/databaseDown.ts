import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

/** The database's process died; its machine is up and refuses connections (compare database-unreachable). */
export const databaseDown: Scenario = {
  ...baseScenario,
  id: 'database-down',
  title: 'Database down (process died)',
  teaches:
    'The database process died but its machine is up: a connect is refused at once (RST), so most drivers fail fast and the app answers 500; MongoDB drivers and HikariCP keep trying for 30 s, and the proxy’s timeout comes first.',
  seed: 54,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  faults: { ...baseScenario.faults, database: 'process-down' },
};
