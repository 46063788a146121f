import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const repeatVisit: Scenario = {
  ...baseScenario,
  id: 'repeat-visit',
  title: 'Repeat visit',
  teaches:
    'DNS is cached and the connection is reused; the browser revalidates its copy and gets 304 Not Modified.',
  seed: 43,
  start: {
    ...baseScenario.start,
    browserDns: true,
    resolverCache: 'answer',
    connection: 'open',
    browserHttpCache: 'stale',
  },
};
