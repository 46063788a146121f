import type { Timeline } from '../model/timeline.ts';

const cache = new WeakMap<Timeline, Float64Array>();

/**
 * For each index i, the latest end time (startMs + durationMs) among steps 0..i. Computed once per
 * timeline and cached, so looking back for steps still running can stop early.
 */
export function prefixMaxEnd(timeline: Timeline): Float64Array {
  const cached = cache.get(timeline);
  if (cached) return cached;
  const ends = new Float64Array(timeline.steps.length);
  let max = -Infinity;
  timeline.steps.forEach((step, i) => {
    max = Math.max(max, step.startMs + step.durationMs);
    ends[i] = max;
  });
  cache.set(timeline, ends);
  return ends;
}
