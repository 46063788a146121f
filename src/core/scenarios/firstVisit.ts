import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const firstVisit: Scenario = {
  ...baseScenario,
  id: 'first-visit',
  title: 'First visit',
  teaches:
    'Every cache is cold: the full trip through DNS, TCP, TLS, the proxy, the handler and the database.',
};
