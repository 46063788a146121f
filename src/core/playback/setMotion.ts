import type { PlaybackState } from './PlaybackState.ts';

/** Turns travel on or off; turning it off lands a hop that is being stepped through. */
export function setMotion(state: PlaybackState, motion: boolean): PlaybackState {
  if (!motion && state.mode === 'stepping') return { ...state, motion, progress: 1, mode: 'paused' };
  return { ...state, motion };
}
