import type { Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';
import { pause } from './pause.ts';
import { play } from './play.ts';

/** Play when paused or stepping, pause when playing. */
export function toggle(state: PlaybackState, timeline: Timeline): PlaybackState {
  return state.mode === 'playing' ? pause(state) : play(state, timeline);
}
