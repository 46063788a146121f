import type { PlaybackState } from './PlaybackState.ts';

/**
 * Step 1 shown (as arrived), paused, at 1×, pausing at each hop, at teaching pace: like the first
 * slide of a deck, so the first Play or Next moves on to step 2.
 */
export function initialPlayback(overrides: Partial<PlaybackState> = {}): PlaybackState {
  return {
    step: 0,
    progress: 1,
    mode: 'paused',
    speed: 1,
    pauseAtHop: true,
    loop: false,
    pace: 'teaching',
    motion: true,
    ...overrides,
  };
}
