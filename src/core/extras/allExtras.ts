import type { ExtraId, ExtraStages, Extras } from './ExtraStages.ts';
import { databaseFaults } from './databaseFaults.ts';
import { appFaults } from './appFaults.ts';
import { cors } from './cors.ts';
import { httpsRedirect } from './httpsRedirect.ts';
import { rateLimit } from './rateLimit.ts';
import { browserCache } from './browserCache.ts';
import { geography } from './geography.ts';
import { http2 } from './http2.ts';
import { kubernetes } from './kubernetes.ts';
import { loadBalancer } from './loadBalancer.ts';
import { tlsResumption } from './tlsResumption.ts';
import { session } from './session.ts';
import { gzip } from './gzip.ts';
import { mongodb } from './mongodb.ts';
import { mysql } from './mysql.ts';
import { reviews } from './reviews.ts';

/** Every extra, for `buildTimeline` (tests, benchmarks, the CLIs), which simulates synchronously. */
export const ALL_EXTRAS: ExtraStages = {
  http2,
  tlsResumption,
  loadBalancer,
  kubernetes,
  databaseFaults,
  appFaults,
  cors,
  httpsRedirect,
  rateLimit,
  browserCache,
  geography,
  session,
  gzip,
  mongodb,
  mysql,
  reviews,
};

/** Only the extras named, as the app hands them: a test through `buildTimeline` then checks `extrasFor`. */
export const pickExtras = (ids: readonly ExtraId[]): Extras =>
  Object.fromEntries(ids.map((id) => [id, ALL_EXTRAS[id]])) as Extras;
