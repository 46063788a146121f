import type { PlaybackState } from './PlaybackState.ts';

/**
 * Back to step 1. Playing goes on playing from the start of step 1; paused shows step 1 as arrived,
 * as on load.
 */
export function restart(state: PlaybackState): PlaybackState {
  return state.mode === 'playing'
    ? { ...state, step: 0, progress: 0, mode: 'playing' }
    : { ...state, step: 0, progress: 1, mode: 'paused' };
}
