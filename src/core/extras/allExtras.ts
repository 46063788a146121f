import type { ExtraId, ExtraStages, Extras } from './ExtraStages.ts';
import { http2 } from './http2.ts';
import { tlsResumption } from './tlsResumption.ts';

/** Every extra, for `buildTimeline` (tests, benchmarks, the CLIs), which simulates synchronously. */
export const ALL_EXTRAS: ExtraStages = { http2, tlsResumption };

/** Only the extras named, as the app hands them: a test through `buildTimeline` then checks `extrasFor`. */
export const pickExtras = (ids: readonly ExtraId[]): Extras =>
  Object.fromEntries(ids.map((id) => [id, ALL_EXTRAS[id]])) as Extras;
