import { healthChecks } from '../parts/healthChecks.ts';
import { loadBalancer as part, replicaIds } from '../parts/loadBalancer.ts';
import { serveAtBalancer } from '../parts/serveAtBalancer.ts';

/** A scenario with `topology.balancer`: HAProxy and its replicas, its health checks, its pick and relay. */
export const loadBalancer = { part, replicaIds, healthChecks, serveAtBalancer };
