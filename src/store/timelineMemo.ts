import { DEFAULT_SCENARIO_ID, extrasFor, scenarioById, simulateTimeline } from '../core/index.ts';
import type { Scenario, Stack, Timeline } from '../core/index.ts';
import { extraStages } from './extraStages.ts';
import { languageProfiles } from './languageProfiles.ts';

/** The scenario a player plays: the build's, else the built-in one (else the default). */
export function scenarioToPlay(scenarioId: string, built: Scenario | null): Scenario {
  const scenario = built ?? scenarioById(scenarioId) ?? scenarioById(DEFAULT_SCENARIO_ID);
  if (!scenario) throw new Error(`No scenario ${scenarioId} and no default scenario.`);
  return scenario;
}

/** Loads what simulating `scenario` on `stack` needs: the language's profile and the scenario's extra stages. */
export const loadToSimulate = (scenario: Scenario, stack: Stack): Promise<unknown> =>
  Promise.all([languageProfiles.load(stack.lang), extraStages.load(extrasFor(scenario, stack))]);

/**
 * A per-store memo of built timelines keyed by scenario (or build code) and stack: switching back and
 * forth between stacks reuses the same Timeline object (and everything cached against it). `built` is
 * the scenario of a build, when one plays. Null while the stack's language profile or the scenario's
 * extra stages are not loaded (`loadToSimulate`, then ask again).
 */
export function timelineMemo(): (
  scenarioId: string,
  built: Scenario | null,
  stack: Stack,
) => Timeline | null {
  const memo = new Map<string, Timeline>();
  return (scenarioId, built, stack) => {
    const key = `${built?.id ?? scenarioId}|${stack.lang}|${stack.db}`;
    let timeline = memo.get(key);
    if (!timeline) {
      const scenario = scenarioToPlay(scenarioId, built);
      const profile = languageProfiles.get(stack.lang);
      const extras = extraStages.get(extrasFor(scenario, stack));
      if (!profile || !extras) return null;
      timeline = simulateTimeline(scenario, stack, profile, extras);
      memo.set(key, timeline);
    }
    return timeline;
  };
}
