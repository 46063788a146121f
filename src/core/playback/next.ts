import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';

/**
 * Moves to the following step and animates just that hop, then stops. Without motion it lands
 * on the step already arrived. On the last step it only finishes that step.
 */
export function next(state: PlaybackState, timeline: Timeline): PlaybackState {
  const last = timeline.steps.length - 1;
  if (last < 0) return state;
  if (state.step >= last) return { ...state, step: last, progress: 1, mode: 'paused' };
  return state.motion
    ? { ...state, step: state.step + 1, progress: 0, mode: 'stepping' }
    : { ...state, step: state.step + 1, progress: 1, mode: 'paused' };
}
