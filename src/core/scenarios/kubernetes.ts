import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const kubernetes: Scenario = {
  ...baseScenario,
  id: 'kubernetes',
  title: 'Kubernetes',
  teaches:
    'A new pod passes its readiness probe after finding its database through CoreDNS and a Service; then a first visit enters the cluster through ingress-nginx and reaches it.',
  seed: 71,
  topology: {
    ...baseScenario.topology,
    kubernetes: {
      replicas: 3,
      pods: [
        { image: '1.4.2', ready: false, restarts: 0 },
        { image: '1.4.2', ready: true, restarts: 0 },
        { image: '1.4.2', ready: true, restarts: 1 },
      ],
      podStarting: true,
      next: 1,
    },
  },
};
