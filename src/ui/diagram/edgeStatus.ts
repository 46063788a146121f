import type { PlayerState } from '../../store/index.ts';
import { firstCrossing } from './firstCrossing.ts';
import { linkKey } from './linkKey.ts';

export type EdgeStatus = 'current' | 'visited' | 'idle';

/** Whether a link carries the current step, has carried an earlier one, or not yet. */
export function edgeStatus(state: PlayerState, key: string): EdgeStatus {
  const step = state.timeline.steps[state.playback.step];
  if (step && step.from !== step.to && linkKey(step.from, step.to) === key) return 'current';
  const first = firstCrossing(state.timeline).get(key);
  return first !== undefined && first < state.playback.step ? 'visited' : 'idle';
}
