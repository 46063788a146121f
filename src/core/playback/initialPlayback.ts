import type { PlaybackState } from './PlaybackState.ts';

/** The start of a timeline, paused, at 1×, pausing at each hop, at teaching pace. */
export function initialPlayback(overrides: Partial<PlaybackState> = {}): PlaybackState {
  return {
    step: 0,
    progress: 0,
    mode: 'paused',
    speed: 1,
    pauseAtHop: true,
    loop: false,
    pace: 'teaching',
    motion: true,
    ...overrides,
  };
}
