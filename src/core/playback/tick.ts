import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';
import { stepWallMs } from './stepWallMs.ts';

/**
 * Advances by `elapsedMs` wall milliseconds. Time left over when a step arrives carries into the
 * next one unless the player stops there (stepping, pause at each hop, or the end without loop).
 */
export function tick(state: PlaybackState, timeline: Timeline, elapsedMs: number): PlaybackState {
  const steps = timeline.steps;
  if (state.mode === 'paused' || steps.length === 0 || !(elapsedMs > 0)) return state;
  let step = Math.min(state.step, steps.length - 1);
  let progress = state.progress;
  let remaining = elapsedMs;
  // Bound the walk: a loop over zero-length steps must not spin forever.
  for (let guard = 0; guard <= steps.length * 2 + 1; guard++) {
    const current = steps[step];
    if (!current) break;
    const wall = stepWallMs(state, current);
    const left = (1 - progress) * wall;
    if (remaining < left) return { ...state, step, progress: progress + remaining / wall };
    remaining -= left;
    if (state.mode === 'stepping' || state.pauseAtHop) return { ...state, step, progress: 1, mode: 'paused' };
    if (step === steps.length - 1) {
      if (!state.loop) return { ...state, step, progress: 1, mode: 'paused' };
      step = 0;
    } else {
      step += 1;
    }
    progress = 0;
  }
  return { ...state, step, progress };
}
