import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';
import { isAtEnd } from './isAtEnd.ts';

/**
 * Starts playing. From an arrived step it moves on to the next one; from the very end it starts
 * again at step 1; mid-hop it resumes where it stood.
 */
export function play(state: PlaybackState, timeline: Timeline): PlaybackState {
  if (timeline.steps.length === 0) return state;
  if (isAtEnd(state, timeline)) return { ...state, step: 0, progress: 0, mode: 'playing' };
  if (state.progress >= 1) return { ...state, step: state.step + 1, progress: 0, mode: 'playing' };
  return { ...state, mode: 'playing' };
}
