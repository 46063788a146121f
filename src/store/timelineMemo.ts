import { DEFAULT_SCENARIO_ID, scenarioById, simulateTimeline } from '../core/index.ts';
import type { Scenario, Stack, Timeline } from '../core/index.ts';
import { languageProfiles } from './languageProfiles.ts';

/**
 * A per-store memo of built timelines keyed by scenario (or build code) and stack: switching back and
 * forth between stacks reuses the same Timeline object (and everything cached against it). `built` is
 * the scenario of a build, when one plays. Null while the stack's language profile is not loaded
 * (`languageProfiles.load` it, then ask again).
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
      const profile = languageProfiles.get(stack.lang);
      if (!profile) return null;
      const scenario = built ?? scenarioById(scenarioId) ?? scenarioById(DEFAULT_SCENARIO_ID);
      if (!scenario) throw new Error(`No scenario ${scenarioId} and no default scenario.`);
      timeline = simulateTimeline(scenario, stack, profile);
      memo.set(key, timeline);
    }
    return timeline;
  };
}
