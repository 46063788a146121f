import type { Timeline } from '../model/timeline.ts';

/** A step index forced into the timeline's range (0 for an empty timeline). */
export function clampStep(timeline: Timeline, index: number): number {
  const last = timeline.steps.length - 1;
  if (last < 0 || !Number.isFinite(index)) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), last);
}
