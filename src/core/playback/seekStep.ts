import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';
import { clampStep } from './clampStep.ts';

/** Jumps to a step (0-based, clamped), shown as arrived; playing goes on playing from there. */
export function seekStep(state: PlaybackState, timeline: Timeline, index: number): PlaybackState {
  return {
    ...state,
    step: clampStep(timeline, index),
    progress: 1,
    mode: state.mode === 'playing' ? 'playing' : 'paused',
  };
}
