/** One running frame loop: `start` has `update` called once a frame until `stop`; both may be called again. */
export interface FrameLoop {
  start(): void;
  stop(): void;
}

/**
 * Where animation frames come from (motion's animation `Driver`): given what to do each frame (with
 * the frame's timestamp, ms), a loop to start and stop. The player's frame loop takes it from its
 * provider, so tests crank frames by hand instead of replacing `requestAnimationFrame`.
 */
export type FrameDriver = (update: (timestampMs: number) => void) => FrameLoop;

/** The browser's frames: requestAnimationFrame, whose timestamps are performance.now()'s clock. */
export const animationFrameDriver: FrameDriver = (update) => {
  let frame = 0;
  const loop = (timestampMs: number) => {
    frame = requestAnimationFrame(loop);
    update(timestampMs);
  };
  return {
    start: () => {
      if (frame === 0) frame = requestAnimationFrame(loop);
    },
    stop: () => {
      cancelAnimationFrame(frame);
      frame = 0;
    },
  };
};
