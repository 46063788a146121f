import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const loadBalanced: Scenario = {
  ...baseScenario,
  id: 'load-balanced',
  title: 'Load balanced',
  teaches:
    'A load balancer checks three replicas with GET /healthz, takes the one failing out of rotation, and sends the request to a healthy one.',
  seed: 61,
  topology: {
    ...baseScenario.topology,
    balancer: { replicas: 3, algorithm: 'roundrobin', failing: [2], inFlight: [2, 0, 1], next: 2 },
  },
  start: { ...baseScenario.start, resolverCache: 'answer' },
};
