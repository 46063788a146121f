import type { Step } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';

/** Wall time of one step at teaching pace and 1×: long enough to follow a packet whatever its real duration. */
export const TEACHING_STEP_MS = 1200;

/** How many wall milliseconds a step takes on screen at the state's pace and speed. */
export function stepWallMs(state: Pick<PlaybackState, 'pace' | 'speed'>, step: Step): number {
  const base = state.pace === 'teaching' ? TEACHING_STEP_MS : step.durationMs;
  return base / state.speed;
}
