import { buildTimeline, DEFAULT_SCENARIO_ID, scenarioById } from '../core/index.ts';
import type { Scenario, Stack, Timeline } from '../core/index.ts';

/**
 * A per-store memo of built timelines keyed by scenario (or build code) and stack: switching back and
 * forth between stacks reuses the same Timeline object (and everything cached against it). `built` is
 * the scenario of a build, when one plays.
 */
export function timelineMemo(): (scenarioId: string, built: Scenario | null, stack: Stack) => Timeline {
  const memo = new Map<string, Timeline>();
  return (scenarioId, built, stack) => {
    const key = `${built?.id ?? scenarioId}|${stack.lang}|${stack.db}`;
    let timeline = memo.get(key);
    if (!timeline) {
      const scenario = built ?? scenarioById(scenarioId) ?? scenarioById(DEFAULT_SCENARIO_ID);
      if (!scenario) throw new Error(`No scenario ${scenarioId} and no default scenario.`);
      timeline = buildTimeline(scenario, stack);
      memo.set(key, timeline);
    }
    return timeline;
  };
}
