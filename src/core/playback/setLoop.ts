import type { PlaybackState } from './PlaybackState.ts';

/** Whether playing starts again from step 1 after the last step. */
export function setLoop(state: PlaybackState, loop: boolean): PlaybackState {
  return { ...state, loop };
}
