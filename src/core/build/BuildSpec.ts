import type { DataCentre, Place } from '../model/scenario.ts';

/**
 * What the page asks for: a product, a new review (POST), a search by SKU, the stylesheet; or, to show the app
 * refusing, a mistyped path (404), a review without a token (401) or with a rating out of range.
 */
export const BUILD_REQUESTS = [
  'product',
  'review',
  'search',
  'stylesheet',
  'typo',
  'noauth',
  'invalid',
] as const;
export type BuildRequest = (typeof BUILD_REQUESTS)[number];

/** The caches and the connection the builder can start warm. */
export const WARM_THINGS = [
  'browserHttp',
  'browserDns',
  'resolver',
  'cdn',
  'appCache',
  'connection',
] as const;
export type WarmThing = (typeof WARM_THINGS)[number];

/** Where a fault happens, in the order a request meets it. */
export const FAULT_HOPS = ['dns', 'network', 'tls', 'balancer', 'cluster', 'app', 'database'] as const;
export type FaultHop = (typeof FAULT_HOPS)[number];

/**
 * Every fault the builder offers, by id (the id is also its part of a build link: `fault-db-timeout`),
 * with its hop and what it is in words. `builtScenario` says what each does to the scenario.
 */
export const BUILD_FAULTS = {
  'dns-nxdomain': { hop: 'dns', label: 'Mistyped name: NXDOMAIN' },
  'net-loss': { hop: 'network', label: 'Packet loss: the SYN is lost and retransmitted' },
  'tls-expired': { hop: 'tls', label: 'Expired certificate' },
  'lb-replica': { hop: 'balancer', label: 'One replica fails its health checks' },
  'lb-none': { hop: 'balancer', label: 'No replica is healthy: 503' },
  'pods-unready': { hop: 'cluster', label: 'No pod is ready: 503' },
  'app-refused': { hop: 'app', label: 'App process down: connection refused' },
  'app-crash': { hop: 'app', label: 'The handler throws: 500' },
  'db-timeout': { hop: 'database', label: 'Database unreachable: timeout' },
  'db-slow': { hop: 'database', label: 'Slow database (saturated disk)' },
  'db-refused': { hop: 'database', label: 'Database process down: connection refused' },
} as const satisfies Readonly<Record<string, { hop: FaultHop; label: string }>>;
export type BuildFault = keyof typeof BUILD_FAULTS;

/** Replica counts a load balancer may have. */
export const MIN_REPLICAS = 2;
export const MAX_REPLICAS = 8;

/** The Deployment's pods when Kubernetes is chosen without a replica count. */
export const DEFAULT_PODS = 3;

/**
 * Everything the builder lets a teacher choose; a built scenario is a function of it (`builtScenario`) and
 * its link is a function of it too (`encodeBuild`).
 */
export interface BuildSpec {
  readonly request: BuildRequest;
  readonly https: boolean;
  /** The products table has an index on sku (what a search by SKU uses). */
  readonly skuIndex: boolean;
  readonly cdn: boolean;
  readonly appCache: boolean;
  /**
   * 0: one reverse proxy and one app server; 2–8: a load balancer and that many replicas, or, on Kubernetes,
   * that many pods behind the Service (ingress-nginx balances over them; no HAProxy).
   */
  readonly replicas: number;
  /** The app runs as a Deployment on Kubernetes behind ingress-nginx (its pods: `replicas`, else 3). */
  readonly kubernetes: boolean;
  /** Where the user is (Frankfurt, Madrid, São Paulo or a satellite link); null keeps the world's fixed latencies. */
  readonly user: Place | null;
  /** Where the servers are (with a user's place): Frankfurt unless chosen. */
  readonly servers: DataCentre;
  /** What is warm before step 1 (every other cache is cold, and no connection is open). */
  readonly warm: ReadonlySet<WarmThing>;
  readonly fault: BuildFault | null;
}

/** The builder's starting point when nothing else is given: first visit, everything cold and healthy. */
export const DEFAULT_BUILD: BuildSpec = {
  request: 'product',
  https: true,
  skuIndex: false,
  cdn: false,
  appCache: false,
  replicas: 0,
  kubernetes: false,
  user: null,
  servers: 'frankfurt',
  warm: new Set(),
  fault: null,
};
