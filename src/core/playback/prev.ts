import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';

/** Goes back one step, shown as arrived and paused: stepping back never animates. */
export function prev(state: PlaybackState, timeline: Timeline): PlaybackState {
  if (timeline.steps.length === 0) return state;
  return {
    ...state,
    step: Math.max(0, Math.min(state.step, timeline.steps.length) - 1),
    progress: 1,
    mode: 'paused',
  };
}
