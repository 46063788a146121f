import type { KubernetesSpec, Scenario } from '../model/scenario.ts';
import { DATA_CENTRES, PLACES } from '../parts/geography.ts';
import type { BuildSpec } from './BuildSpec.ts';
import { requestFor } from './requestFor.ts';
import { kubernetes } from '../scenarios/kubernetes.ts';
import { BUILD_FAULTS, DEFAULT_PODS } from './BuildSpec.ts';
import { encodeBuild } from './buildCode.ts';

/** Every built scenario has this seed, so the same build is the same timeline for every version that reads it. */
const BUILD_SEED = 1414;

/**
 * The cluster a build runs on (the kubernetes scenario's, with three pods): its pods (the replicas, else three)
 * all on image 1.4.2, pod-1 just started, so
 * the journey opens with its readiness probe finding the database through CoreDNS; with `pods-unready` none is
 * ready and none is starting.
 */
function clusterFor(spec: BuildSpec): KubernetesSpec {
  const count = spec.replicas || DEFAULT_PODS;
  const none = spec.fault === 'pods-unready';
  return {
    replicas: count,
    // The kubernetes scenario's pods as far as they go (its third has restarted once), then more like them.
    pods: Array.from({ length: count }, (_, i) => ({
      image: '1.4.2',
      ready: !none && i > 0,
      restarts: kubernetes.topology.kubernetes?.pods[i]?.restarts ?? 0,
    })),
    podStarting: !none,
    next: 1,
  };
}

/** The title's words for a build: "Load balancer (3 replicas) · CDN · users on another continent". */
export function buildTitle(spec: BuildSpec): string {
  const parts = [
    spec.kubernetes
      ? `Kubernetes (${spec.replicas || DEFAULT_PODS} pods)`
      : spec.replicas > 0
        ? `Load balancer (${spec.replicas} replicas)`
        : null,
    spec.cdn ? 'CDN' : null,
    spec.appCache ? 'app cache' : null,
    spec.user ? `users: ${PLACES[spec.user].label}` : null,
    spec.servers === 'frankfurt' ? null : `servers: ${DATA_CENTRES[spec.servers].where}`,
    spec.fault ? BUILD_FAULTS[spec.fault].label : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : 'One proxy, one app server';
}

/**
 * The scenario a build describes: an ordinary `Scenario` (its id is its build code, "v1.lb3.cdn.far"), which
 * the engine plays like a built-in one. Pure; call it only on a spec without `buildProblems`.
 */
export function builtScenario(spec: BuildSpec): Scenario {
  const { warm, fault } = spec;
  const host = fault === 'dns-nxdomain' ? 'shpo.example' : 'shop.example';
  const all = Array.from({ length: spec.replicas }, (_, i) => i + 1);
  const title = buildTitle(spec);
  return {
    id: encodeBuild(spec),
    title: `Custom: ${title}`,
    teaches: `A journey you built: ${title.charAt(0).toLowerCase()}${title.slice(1)}.`,
    seed: BUILD_SEED,
    request: requestFor(spec.request, spec.https, host, spec.cdn),
    topology: {
      cdn: spec.cdn,
      appCache: spec.appCache,
      ...(spec.kubernetes ? { kubernetes: clusterFor(spec) } : {}),
      ...(spec.replicas > 0 && !spec.kubernetes
        ? {
            balancer: {
              replicas: spec.replicas,
              algorithm: 'roundrobin' as const,
              failing: fault === 'lb-none' ? all : fault === 'lb-replica' ? [2] : [],
              inFlight: [],
              next: fault === 'lb-replica' ? 2 : 1,
            },
          }
        : {}),
      ...(spec.user ? { user: spec.user } : {}),
      ...(spec.servers === 'frankfurt' ? {} : { servers: spec.servers }),
    },
    start: {
      browserDns: warm.has('browserDns'),
      resolverCache: warm.has('resolver') ? 'answer' : 'cold',
      connection: warm.has('connection') ? 'open' : 'none',
      browserHttpCache: warm.has('browserHttp') ? 'stale' : 'empty',
      appCache: warm.has('appCache') ? 'warm' : 'empty',
      cdnCache: warm.has('cdn') ? 'warm' : 'empty',
    },
    skuIndex: spec.skuIndex,
    faults: {
      certificateExpired: fault === 'tls-expired',
      database: fault === 'db-timeout' ? 'unreachable' : fault === 'db-refused' ? 'process-down' : 'up',
      appDown: fault === 'app-refused',
      handlerBug: fault === 'app-crash',
      packetLoss: fault === 'net-loss',
      databaseSlow: fault === 'db-slow',
    },
    requests: 1,
  };
}
