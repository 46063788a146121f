import type { Timeline } from '../model/timeline.ts';

/**
 * The last step that has started at `timeMs` (scenario milliseconds), by binary search over the
 * sorted start times: O(log n). Before the first step, step 0.
 */
export function stepAtTime(timeline: Timeline, timeMs: number): number {
  const steps = timeline.steps;
  let lo = 0;
  let hi = steps.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((steps[mid]?.startMs ?? Infinity) <= timeMs) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
