import type { Pace, PlaybackState } from './PlaybackState.ts';

/** Teaching pace (a fixed slot per step) or real time (each step's own duration, scaled by speed). */
export function setPace(state: PlaybackState, pace: Pace): PlaybackState {
  return { ...state, pace };
}
