import { TEACHING_STEP_MS } from '../../core/index.ts';
import type { StepRange } from '../exportOptions.ts';

/** One picture of an animation: a position in the timeline and how long it stays on screen. */
export interface MotionFrame {
  readonly step: number;
  readonly progress: number;
  readonly ms: number;
}

/**
 * A GIF at teaching pace: each step's packet travels for TEACHING_STEP_MS in frames of 1000/fps ms,
 * then holds on its arrival for `holdMs`, so a room can read the hop before the next one starts.
 */
export function gifFrames(range: StepRange, fps = 10, holdMs = 1500): MotionFrame[] {
  const perStep = Math.max(1, Math.round((TEACHING_STEP_MS * fps) / 1000));
  const frameMs = TEACHING_STEP_MS / perStep;
  const frames: MotionFrame[] = [];
  for (let n = range.from; n <= range.to; n++)
    for (let k = 1; k <= perStep; k++)
      frames.push({ step: n - 1, progress: k / perStep, ms: k === perStep ? holdMs : frameMs });
  return frames;
}

/** A video at teaching pace: fps frames a second, TEACHING_STEP_MS a step, so it plays as long as the player does. */
export function videoFrames(range: StepRange, fps = 30): MotionFrame[] {
  const perStep = Math.round((TEACHING_STEP_MS * fps) / 1000);
  const frames: MotionFrame[] = [];
  for (let n = range.from; n <= range.to; n++)
    for (let k = 1; k <= perStep; k++) frames.push({ step: n - 1, progress: k / perStep, ms: 1000 / fps });
  return frames;
}
