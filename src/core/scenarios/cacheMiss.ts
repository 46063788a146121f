import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const cacheMiss: Scenario = {
  ...baseScenario,
  id: 'cache-miss',
  title: 'Application cache miss',
  teaches:
    'The handler asks Redis first, misses, reads the database and stores the answer for the next request.',
  seed: 50,
  topology: { ...baseScenario.topology, appCache: true },
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
};
