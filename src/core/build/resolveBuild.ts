import type { Scenario } from '../model/scenario.ts';
import { decodeBuild, encodeBuild } from './buildCode.ts';
import { builtScenario } from './builtScenario.ts';

/** What a player needs from a build code: its canonical code and scenario, or why it cannot be read. */
export type ResolvedBuild =
  | { readonly ok: true; readonly code: string; readonly scenario: Scenario }
  | { readonly ok: false; readonly problem: string };

/** Reads a build code for a player (the store takes this function once the builder's code is loaded). */
export function resolveBuild(code: string): ResolvedBuild {
  const decoded = decodeBuild(code);
  if (!decoded.ok) return decoded;
  return { ok: true, code: encodeBuild(decoded.spec), scenario: builtScenario(decoded.spec) };
}
