import { SPEEDS } from './PlaybackState.ts';
import type { PlaybackState, Speed } from './PlaybackState.ts';

/** Changes the speed (0.25, 0.5, 1, 2 or 4); anything else is ignored. */
export function setSpeed(state: PlaybackState, speed: number): PlaybackState {
  if (!SPEEDS.includes(speed as Speed)) return state;
  return { ...state, speed: speed as Speed };
}
