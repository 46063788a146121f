import {
  buildTimeline,
  builtScenario,
  decodeBuild,
  DEFAULT_SCENARIO_ID,
  scenarioById,
} from '../core/index.ts';
import type { Scenario, Stack, Timeline } from '../core/index.ts';

/** The scenario a player plays: the build when its code decodes, else the built-in one (or the default). */
export function scenarioFor(scenarioId: string, build: string | null): Scenario {
  const decoded = build === null ? null : decodeBuild(build);
  if (decoded?.ok) return builtScenario(decoded.spec);
  const scenario = scenarioById(scenarioId) ?? scenarioById(DEFAULT_SCENARIO_ID);
  if (!scenario) throw new Error(`No scenario ${scenarioId} and no default scenario.`);
  return scenario;
}

/**
 * A per-store memo of built timelines keyed by scenario (or build) and stack: switching back and forth
 * between stacks reuses the same Timeline object (and everything cached against it).
 */
export function timelineMemo(): (scenarioId: string, build: string | null, stack: Stack) => Timeline {
  const built = new Map<string, Timeline>();
  return (scenarioId, build, stack) => {
    const key = `${build ?? scenarioId}|${stack.lang}|${stack.db}`;
    let timeline = built.get(key);
    if (!timeline) {
      timeline = buildTimeline(scenarioFor(scenarioId, build), stack);
      built.set(key, timeline);
    }
    return timeline;
  };
}
