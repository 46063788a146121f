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
  /**
   * At teaching pace, the steps that take a large share of the scenario's real time (LONG_SHARE or more),
   * whose marks carry their duration: equal slots alone would hide that a full scan took 234 ms where
   * an index lookup takes 0.08 ms. At real pace their widths already say it, so none.
   */
  readonly long: readonly number[];
}

/** The share of the total time from which a step's mark says how long it took, at teaching pace. */
export const LONG_SHARE = 0.25;

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
  const long =
    pace === 'teaching' ? steps.filter((s) => s.durationMs >= LONG_SHARE * total).map((s) => s.index) : [];
  return { markAt, bands, long };
}
