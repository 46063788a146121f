import type { Scenario } from '../model/scenario.ts';
import type { Stack } from '../model/stack.ts';
import type { databaseFaults } from './databaseFaults.ts';
import type { appFaults } from './appFaults.ts';
import type { cors } from './cors.ts';
import type { httpsRedirect } from './httpsRedirect.ts';
import type { rateLimit } from './rateLimit.ts';
import type { browserCache } from './browserCache.ts';
import type { geography } from './geography.ts';
import type { http2 } from './http2.ts';
import type { kubernetes } from './kubernetes.ts';
import type { loadBalancer } from './loadBalancer.ts';
import type { tlsResumption } from './tlsResumption.ts';
import type { session } from './session.ts';
import type { gzip } from './gzip.ts';
import type { mongodb } from './mongodb.ts';
import type { mysql } from './mysql.ts';
import type { reviews } from './reviews.ts';

/**
 * The stages only some scenarios reach, by id: each is a module of its own (`extras/<id>.ts`, which gathers
 * them from where they live), so that the app fetches a scenario's stages with it instead of in the first
 * load, as it fetches a language's profile. The engine imports only this file: the types, `extrasFor` and
 * `extra`; `buildTimeline` (tests, scripts) hands it every extra at once (`extras/allExtras.ts`).
 */
export interface ExtraStages {
  /** `scenario.h2`: the page's requests as HTTP/2 frames on one connection; `topology.cdn`: the edge's HTTP/2. */
  readonly http2: typeof http2;
  /** `start.tlsTickets`: a session ticket from an earlier connection resumes TLS without certificates. */
  readonly tlsResumption: typeof tlsResumption;
  /** `topology.balancer`: HAProxy in front of replicas, with active health checks. */
  readonly loadBalancer: typeof loadBalancer;
  /** `topology.kubernetes`: ingress-nginx, a Service and its pods. */
  readonly kubernetes: typeof kubernetes;
  /** `faults.database` other than up, or `faults.databaseSlow`: the driver and app when the database fails or is slow. */
  readonly databaseFaults: typeof databaseFaults;
  /** `faults.appDown` or `faults.handlerBug`: the proxy refused by the app's port, a handler that throws. */
  readonly appFaults: typeof appFaults;
  /** `request.pageOrigin`: a cross-origin request, and its preflight. */
  readonly cors: typeof cors;
  /** `topology.httpsOnly`: port 80's 301 to HTTPS, followed, and HSTS. */
  readonly httpsRedirect: typeof httpsRedirect;
  /** `rateLimit`: nginx's limit_req and its 429. */
  readonly rateLimit: typeof rateLimit;
  /** `start.browserHttpCache: 'fresh'`: the browser uses its own copy. */
  readonly browserCache: typeof browserCache;
  /** `topology.user`: where the user is sets the latencies across the distance. */
  readonly geography: typeof geography;
  /** `session`: a login, its session cookie, and the next request carrying it (login-session). */
  readonly session: typeof session;
  /** `gzip`: nginx compresses the answer it relays. */
  readonly gzip: typeof gzip;
  /** `stack.db` is MongoDB: its commands and replies (the first view's PostgreSQL needs none of it). */
  readonly mongodb: typeof mongodb;
  /** `stack.db` is MySQL: its drivers' statements on the wire and EXPLAIN's plans. */
  readonly mysql: typeof mysql;
  /** `request.method` POST: the handler that writes a review (POST /api/products/:id/reviews). */
  readonly reviews: typeof reviews;
}

export type ExtraId = keyof ExtraStages;

/** The extras a simulation has been handed: at least those `extrasFor` names for its scenario. */
export type Extras = Partial<ExtraStages>;

/**
 * When a scenario on a stack needs each extra, read from its data and the stack alone (so a built scenario is
 * covered too). A predicate may say yes where the journey will not reach the stage (h2 over plain http), never
 * no where it will.
 */
const NEEDED: { readonly [K in ExtraId]: (scenario: Scenario, stack: Stack) => boolean } = {
  http2: (s) => s.h2 === true || s.topology.cdn,
  tlsResumption: (s) => (s.start.tlsTickets ?? 0) > 0,
  loadBalancer: (s) => s.topology.balancer !== undefined,
  kubernetes: (s) => s.topology.kubernetes !== undefined,
  databaseFaults: (s) => s.faults.database !== 'up' || s.faults.databaseSlow === true,
  appFaults: (s) => s.faults.appDown || s.faults.handlerBug,
  cors: (s) => s.request.pageOrigin !== undefined,
  httpsRedirect: (s) => s.topology.httpsOnly === true,
  rateLimit: (s) => s.rateLimit !== undefined,
  browserCache: (s) => s.start.browserHttpCache === 'fresh',
  geography: (s) => s.topology.user !== undefined,
  session: (s) => s.session !== undefined,
  gzip: (s) => s.gzip === true,
  mongodb: (_, stack) => stack.db === 'mongodb',
  mysql: (_, stack) => stack.db === 'mysql',
  reviews: (s) => s.request.method === 'POST',
};

export const EXTRA_IDS = Object.keys(NEEDED) as readonly ExtraId[];

/** The extras `scenario` needs on `stack`, to load before it is simulated. Most scenarios need none. */
export const extrasFor = (scenario: Scenario, stack: Stack): readonly ExtraId[] =>
  EXTRA_IDS.filter((id) => NEEDED[id](scenario, stack));

/** One extra's stages, which the caller of `simulateTimeline` must have handed in. */
export function extra<K extends ExtraId>(extras: Extras, id: K): ExtraStages[K] {
  const stages = extras[id];
  if (!stages) throw new Error(`The ${id} stages were not handed to the engine (extrasFor names them).`);
  return stages;
}
