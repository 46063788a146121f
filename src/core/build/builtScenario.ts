import type { KubernetesSpec, RequestSpec, Scenario } from '../model/scenario.ts';
import { PLACES } from '../parts/geography.ts';
import { baseScenario, REVIEW_URL } from '../scenarios/baseScenario.ts';
import { VALID_TOKEN } from '../world/world.ts';
import type { BuildRequest, BuildSpec } from './BuildSpec.ts';
import { BUILD_FAULTS, DEFAULT_PODS } from './BuildSpec.ts';
import { encodeBuild } from './buildCode.ts';

/** Every built scenario has this seed, so the same build is the same timeline for every version that reads it. */
const BUILD_SEED = 1414;

function requestFor(kind: BuildRequest, https: boolean, host: string): RequestSpec {
  const origin = `${https ? 'https' : 'http'}://${host}`;
  switch (kind) {
    case 'product':
      return { ...baseScenario.request, url: `${origin}/api/products/42` };
    case 'search':
      return { ...baseScenario.request, url: `${origin}/api/products?sku=SKU-0004217` };
    case 'stylesheet':
      return { ...baseScenario.request, url: `${origin}/static/app.css` };
    case 'review':
      return {
        method: 'POST',
        url: REVIEW_URL.replace('https://shop.example', origin),
        headers: [
          ['Authorization', `Bearer ${VALID_TOKEN}`],
          ['Content-Type', 'application/json'],
        ],
        body: '{"rating":5,"body":"Bright and steady light."}',
      };
  }
}

/**
 * The cluster a build runs on: its pods (the replicas, else three) all on image 1.4.2, pod-1 just started, so
 * the journey opens with its readiness probe finding the database through CoreDNS; with `pods-unready` none is
 * ready and none is starting.
 */
function clusterFor(spec: BuildSpec): KubernetesSpec {
  const count = spec.replicas || DEFAULT_PODS;
  const none = spec.fault === 'pods-unready';
  return {
    replicas: count,
    pods: Array.from({ length: count }, (_, i) => ({ image: '1.4.2', ready: !none && i > 0, restarts: 0 })),
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
    request: requestFor(spec.request, spec.https, host),
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
      database: fault === 'db-timeout' ? 'unreachable' : 'up',
      appDown: fault === 'app-refused',
      handlerBug: fault === 'app-crash',
      packetLoss: fault === 'net-loss',
      databaseSlow: fault === 'db-slow',
    },
    requests: 1,
  };
}
