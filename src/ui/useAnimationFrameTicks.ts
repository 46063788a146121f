import { useEffect } from 'react';
import { usePlayerStore } from '../store/index.ts';

/** A frame after a long pause (a hidden tab) counts as at most this long, so playback never leaps. */
const MAX_FRAME_MS = 100;

/**
 * The one owner of requestAnimationFrame: while the player is playing or stepping it dispatches
 * `tick(elapsed)` once per frame; when playback stops, the loop stops too.
 */
export function useAnimationFrameTicks(): void {
  const store = usePlayerStore();
  useEffect(() => {
    let frame = 0;
    let last: number | null = null;
    const loop = (now: number) => {
      const state = store.getState();
      if (state.playback.mode === 'paused') {
        frame = 0;
        last = null;
        return;
      }
      if (last !== null) state.tick(Math.min(Math.max(now - last, 0), MAX_FRAME_MS));
      last = now;
      frame = requestAnimationFrame(loop);
    };
    const wake = () => {
      if (frame === 0 && store.getState().playback.mode !== 'paused') frame = requestAnimationFrame(loop);
    };
    wake();
    const unsubscribe = store.subscribe(wake);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store]);
}
