import { act } from '@testing-library/react';
import type { FrameDriver } from '../../src/store/index.ts';

/**
 * A hand-cranked frame driver (motion's `syncDriver`, tldraw's `forceTick`), given to the player's
 * provider: a started loop only waits, and `advance(ms)` runs the waiting loops frame by frame with a
 * simulated timestamp. `requestAnimationFrame` itself is never touched.
 */
export function manualFrames(frameMs = 16) {
  let now = 0;
  const running = new Set<(timestampMs: number) => void>();
  const driver: FrameDriver = (update) => {
    // Each loop is its own entry, so two loops sharing one update function stay apart.
    const entry = (timestampMs: number) => update(timestampMs);
    return {
      start: () => {
        running.add(entry);
      },
      stop: () => {
        running.delete(entry);
      },
    };
  };
  const frame = () => {
    now += frameMs;
    // Loops started during this frame wait for the next, as with requestAnimationFrame.
    for (const update of [...running]) update(now);
  };
  return {
    driver,
    /** Runs frames until `ms` of simulated time have passed. */
    advance(ms: number) {
      act(() => {
        for (let t = 0; t < ms; t += frameMs) frame();
      });
    },
    /** How many loops wait for the next frame (0 when nothing animates). */
    pending: () => running.size,
  };
}
