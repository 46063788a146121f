import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const badGateway: Scenario = {
  ...baseScenario,
  id: 'bad-gateway',
  title: 'App server down',
  teaches:
    'The app’s process is not running: its port refuses the proxy’s connection at once, and nginx answers 502 Bad Gateway and logs why.',
  seed: 55,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  faults: { ...baseScenario.faults, appDown: true },
};
