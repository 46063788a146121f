import { podIds } from '../parts/cluster.ts';
import { kubernetes as part } from '../parts/kubernetes.ts';
import { podsInRotation } from '../parts/podStart.ts';
import { serveAtIngress } from '../parts/serveAtIngress.ts';

/** A scenario with `topology.kubernetes`: the Ingress, the pods, a pod starting, kube-proxy's rules. */
export const kubernetes = { part, podIds, podsInRotation, serveAtIngress };
