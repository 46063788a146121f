import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';
import { scenarioTimeAt } from './scenarioTimeAt.ts';
import { stepProgress } from './stepProgress.ts';

/**
 * How far through the timeline the position is (0..1), in the measure of the pace: at teaching pace
 * every step is one equal slot (the current step's own progress inside it), at real pace the scenario clock.
 */
export function playheadAt(state: PlaybackState, timeline: Timeline): number {
  switch (state.pace) {
    case 'teaching': {
      const count = Math.max(timeline.steps.length, 1);
      return Math.min((state.step + stepProgress(state, timeline, state.step)) / count, 1);
    }
    case 'real': {
      const total = timeline.totalMs > 0 ? timeline.totalMs : 1;
      return Math.min(scenarioTimeAt(state, timeline) / total, 1);
    }
  }
}
