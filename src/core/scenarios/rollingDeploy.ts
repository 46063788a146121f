import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

/**
 * Mid-rollout of a 4-replica Deployment with RollingUpdate's defaults, maxSurge 25% (1 pod) and maxUnavailable
 * 25% (1 pod): at most 5 pods and at least 3 available. One old pod is gone, two new ones were created, one of
 * them is still starting: 3 old + 2 new = 5 pods, 4 of them ready.
 */
export const rollingDeploy: Scenario = {
  ...baseScenario,
  id: 'rolling-deploy',
  title: 'Rolling deploy',
  teaches:
    'During a rollout from 1.4.2 to 1.5.0 the page asks three times: the answers come from old and new pods (X-Git-Commit says which build), and the pod still starting gets nothing.',
  seed: 73,
  topology: {
    ...baseScenario.topology,
    kubernetes: {
      replicas: 4,
      pods: [
        { image: '1.4.2', ready: true, restarts: 0 },
        { image: '1.4.2', ready: true, restarts: 0 },
        { image: '1.4.2', ready: true, restarts: 0 },
        { image: '1.5.0', ready: true, restarts: 0 },
        { image: '1.5.0', ready: false, restarts: 0 },
      ],
      rollout: { from: '1.4.2', to: '1.5.0' },
      podStarting: false,
      next: 3,
    },
  },
  start: { ...baseScenario.start, resolverCache: 'answer' },
  requests: 3,
};
