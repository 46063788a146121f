import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const databaseDown: Scenario = {
  ...baseScenario,
  id: 'database-down',
  title: 'Database down',
  teaches:
    'The database does not answer; the proxy gives up after its timeout and returns 504 Gateway Timeout.',
  seed: 54,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  faults: { ...baseScenario.faults, databaseDown: true },
};
