import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const serverError: Scenario = {
  ...baseScenario,
  id: 'server-error',
  title: 'Server error',
  teaches:
    'A bug throws in the handler: the framework’s default answers 500 without the stack trace, which goes to the log (Go’s server just closes the connection, and the proxy answers 502).',
  seed: 56,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  faults: { ...baseScenario.faults, handlerBug: true },
};
