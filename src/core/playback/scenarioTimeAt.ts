import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';

/** The scenario's own clock (milliseconds) at the current position. */
export function scenarioTimeAt(state: PlaybackState, timeline: Timeline): number {
  const step = timeline.steps[state.step];
  return step ? step.startMs + state.progress * step.durationMs : 0;
}
