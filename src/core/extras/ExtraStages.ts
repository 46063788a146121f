import type { Scenario } from '../model/scenario.ts';
import type { http2 } from './http2.ts';
import type { tlsResumption } from './tlsResumption.ts';

/**
 * The stages only some scenarios reach, by id: each is a module of its own (`extras/<id>.ts`, which gathers
 * them from where they live), so that the app fetches a scenario's stages with it instead of in the first
 * load, as it fetches a language's profile. The engine imports only this file: the types, `extrasFor` and
 * `extra`; `buildTimeline` (tests, scripts) hands it every extra at once (`extras/allExtras.ts`).
 */
export interface ExtraStages {
  /** `scenario.h2`: the page's requests as HTTP/2 frames on one connection. */
  readonly http2: typeof http2;
  /** `start.tlsTickets`: a session ticket from an earlier connection resumes TLS without certificates. */
  readonly tlsResumption: typeof tlsResumption;
}

export type ExtraId = keyof ExtraStages;

/** The extras a simulation has been handed: at least those `extrasFor` names for its scenario. */
export type Extras = Partial<ExtraStages>;

/**
 * When a scenario needs each extra, read from its data alone (so a built scenario is covered too). A
 * predicate may say yes where the journey will not reach the stage (h2 over plain http), never no where it will.
 */
const NEEDED: { readonly [K in ExtraId]: (scenario: Scenario) => boolean } = {
  http2: (s) => s.h2 === true,
  tlsResumption: (s) => (s.start.tlsTickets ?? 0) > 0,
};

export const EXTRA_IDS = Object.keys(NEEDED) as readonly ExtraId[];

/** The extras `scenario` needs, to load before it is simulated. Most scenarios need none. */
export const extrasFor = (scenario: Scenario): readonly ExtraId[] =>
  EXTRA_IDS.filter((id) => NEEDED[id](scenario));

/** One extra's stages, which the caller of `simulateTimeline` must have handed in. */
export function extra<K extends ExtraId>(extras: Extras, id: K): ExtraStages[K] {
  const stages = extras[id];
  if (!stages) throw new Error(`The ${id} stages were not handed to the engine (extrasFor names them).`);
  return stages;
}
