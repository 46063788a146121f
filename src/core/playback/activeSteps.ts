import type { Step, Timeline } from '../model/timeline.ts';
import { prefixMaxEnd } from './prefixMaxEnd.ts';
import { stepAtTime } from './stepAtTime.ts';

/**
 * The steps whose window [startMs, startMs + durationMs] contains `timeMs`, in index order: the
 * packets in flight at that moment (several where the timeline overlaps, as in the TLS server flight).
 * Binary search finds the last started step; the walk back stops once no earlier step ends that late.
 */
export function activeSteps(timeline: Timeline, timeMs: number): readonly Step[] {
  const steps = timeline.steps;
  const first = steps[0];
  if (!first || timeMs < first.startMs) return [];
  const ends = prefixMaxEnd(timeline);
  const found: Step[] = [];
  for (let i = stepAtTime(timeline, timeMs); i >= 0 && (ends[i] ?? -Infinity) >= timeMs; i--) {
    const step = steps[i];
    if (step && step.startMs + step.durationMs >= timeMs) found.push(step);
  }
  return found.reverse();
}
