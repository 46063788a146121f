import type { PlaybackState } from './PlaybackState.ts';

/** Back to the start of step 1; keeps playing if it was playing. */
export function restart(state: PlaybackState): PlaybackState {
  return { ...state, step: 0, progress: 0, mode: state.mode === 'playing' ? 'playing' : 'paused' };
}
