import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';
import { scenarioTimeAt } from './scenarioTimeAt.ts';

/**
 * How far a step's packet has travelled at the current position (0..1), the one formula the packets
 * and the playhead read: the current step its own progress, a later step 0, an earlier step by the
 * scenario clock (still on the wire while the clock is inside its window; a zero-length step has arrived).
 */
export function stepProgress(state: PlaybackState, timeline: Timeline, index: number): number {
  if (index === state.step) return state.progress;
  const step = timeline.steps[index];
  if (!step || index > state.step) return 0;
  if (step.durationMs <= 0) return 1;
  const raw = (scenarioTimeAt(state, timeline) - step.startMs) / step.durationMs;
  return Math.min(Math.max(raw, 0), 1);
}
