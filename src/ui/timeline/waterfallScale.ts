import type { Pace, Phase, Timeline } from '../../core/index.ts';

export interface PhaseBand {
  readonly phase: Phase;
  readonly start: number;
  readonly end: number;
}

/** Where things sit on the waterfall, as fractions of its width (0..1). */
export interface WaterfallScale {
  /** Left edge of a step's mark. */
  readonly markAt: (index: number) => number;
  /** Consecutive steps of one phase, as bands that tile the width. */
  readonly bands: readonly PhaseBand[];
}

/**
 * Teaching pace gives every step the same width (so a 0.1 ms hop can be seen and clicked); real
 * time places each step at its own start time, as the DevTools waterfall does. The playhead is the
 * core's `playheadAt`, in the same measure.
 */
export function waterfallScale(timeline: Timeline, pace: Pace): WaterfallScale {
  const steps = timeline.steps;
  const count = Math.max(steps.length, 1);
  const total = timeline.totalMs > 0 ? timeline.totalMs : 1;
  const markAt =
    pace === 'teaching'
      ? (index: number) => (index + 0.5) / count
      : (index: number) => Math.min((steps[index]?.startMs ?? 0) / total, 1);
  const edgeAt = pace === 'teaching' ? (index: number) => index / count : markAt;
  const bands: PhaseBand[] = [];
  steps.forEach((step, i) => {
    const last = bands[bands.length - 1];
    if (last && last.phase === step.phase) return;
    if (last) bands[bands.length - 1] = { ...last, end: edgeAt(i) };
    bands.push({ phase: step.phase, start: i === 0 ? 0 : edgeAt(i), end: 1 });
  });
  return { markAt, bands };
}
