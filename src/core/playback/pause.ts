import type { PlaybackState } from './PlaybackState.ts';

/** Stops where it stands, mid-hop included. */
export function pause(state: PlaybackState): PlaybackState {
  return state.mode === 'paused' ? state : { ...state, mode: 'paused' };
}
