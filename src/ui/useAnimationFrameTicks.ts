import { useEffect } from 'react';
import { useFrameDriver, usePlayerStore } from '../store/react.ts';

/** A frame after a long pause (a hidden tab) counts as at most this long, so playback never leaps. */
const MAX_FRAME_MS = 100;

/**
 * The one frame loop: while the player is playing or stepping it dispatches `tick(elapsed)` once per
 * frame; when playback stops, the loop stops too. Frames come from the provider's frame driver
 * (requestAnimationFrame in the browser, a hand-cranked clock in component tests).
 */
export function useAnimationFrameTicks(): void {
  const store = usePlayerStore();
  const frames = useFrameDriver();
  useEffect(() => {
    let running = false;
    let last: number | null = null;
    const loop = frames((now) => {
      const state = store.getState();
      if (state.playback.mode === 'paused') {
        loop.stop();
        running = false;
        last = null;
        return;
      }
      if (last !== null) state.tick(Math.min(Math.max(now - last, 0), MAX_FRAME_MS));
      last = now;
    });
    const wake = () => {
      if (running || store.getState().playback.mode === 'paused') return;
      running = true;
      loop.start();
    };
    wake();
    const unsubscribe = store.subscribe(wake);
    return () => {
      unsubscribe();
      loop.stop();
    };
  }, [store, frames]);
}
