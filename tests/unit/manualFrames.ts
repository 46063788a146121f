import { act } from '@testing-library/react';

/**
 * A hand-cranked animation-frame clock (tldraw's `forceTick`): requestAnimationFrame only queues,
 * and `advance(ms)` runs the queued callbacks frame by frame with a simulated timestamp.
 */
export function manualFrames(frameMs = 16) {
  let now = 0;
  let nextId = 1;
  let queue = new Map<number, FrameRequestCallback>();
  globalThis.requestAnimationFrame = (callback) => {
    const id = nextId++;
    queue.set(id, callback);
    return id;
  };
  globalThis.cancelAnimationFrame = (id) => {
    queue.delete(id);
  };
  const frame = () => {
    now += frameMs;
    const due = queue;
    queue = new Map();
    for (const callback of due.values()) callback(now);
  };
  return {
    /** Runs frames until `ms` of simulated time have passed. */
    advance(ms: number) {
      act(() => {
        for (let t = 0; t < ms; t += frameMs) frame();
      });
    },
    /** How many callbacks wait for the next frame (0 when nothing animates). */
    pending: () => queue.size,
  };
}
