import { buildTimeline, DEFAULT_SCENARIO_ID, scenarioById } from '../core/index.ts';
import type { Stack, Timeline } from '../core/index.ts';

/**
 * A per-store memo of built timelines keyed by scenario and stack: switching back and forth
 * between stacks reuses the same Timeline object (and everything cached against it).
 */
export function timelineMemo(): (scenarioId: string, stack: Stack) => Timeline {
  const built = new Map<string, Timeline>();
  return (scenarioId, stack) => {
    const key = `${scenarioId}|${stack.lang}|${stack.db}`;
    let timeline = built.get(key);
    if (!timeline) {
      const scenario = scenarioById(scenarioId) ?? scenarioById(DEFAULT_SCENARIO_ID);
      if (!scenario) throw new Error(`No scenario ${scenarioId} and no default scenario.`);
      timeline = buildTimeline(scenario, stack);
      built.set(key, timeline);
    }
    return timeline;
  };
}
