import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';
import { stepAtTime } from './stepAtTime.ts';

/** Jumps to a moment of the scenario (milliseconds): the last step started by then, part-way through. */
export function seekTime(state: PlaybackState, timeline: Timeline, timeMs: number): PlaybackState {
  if (timeline.steps.length === 0 || Number.isNaN(timeMs)) return state;
  const index = stepAtTime(timeline, timeMs);
  const step = timeline.steps[index];
  if (!step) return state;
  const raw = step.durationMs > 0 ? (timeMs - step.startMs) / step.durationMs : 1;
  return {
    ...state,
    step: index,
    progress: Math.min(Math.max(raw, 0), 1),
    mode: state.mode === 'playing' ? 'playing' : 'paused',
  };
}
