import type { PlaybackState } from './PlaybackState.ts';

/** Whether playing stops each time a step arrives. */
export function setPauseAtHop(state: PlaybackState, pauseAtHop: boolean): PlaybackState {
  return { ...state, pauseAtHop };
}
