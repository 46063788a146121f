import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';

/** The last step has arrived (an empty timeline is always at its end). */
export function isAtEnd(state: PlaybackState, timeline: Timeline): boolean {
  return state.step >= timeline.steps.length - 1 && state.progress >= 1;
}
