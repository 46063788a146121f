/**
 * Core cost as work grows: time to build a timeline, to seek in it, to compute a frame, and to replay
 * what the nodes know, for timelines of about 10, 1,000 and 100,000 steps (the generated many-requests
 * scenario: 10 steps a request plus 8 to connect) and first-visit for reference. Building should be
 * linear (constant ns per step), seeking logarithmic (binary search over start times).
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { buildTimeline, nodeStateAt, scenarioById } from '../../src/core/index.ts';
import type { Scenario, Timeline } from '../../src/core/index.ts';
import { initialPlayback, packetsInFlight, seekTime, tick } from '../../src/core/playback/index.ts';
import { manyRequests } from '../../tests/support/manyRequests.ts';
import { grouped, median, round, show } from './stats.ts';

const STACK = { lang: 'node', db: 'postgres' } as const;

export interface CoreSize {
  readonly label: string;
  readonly steps: number;
  /** Median wall time of one build, ms, and per step, ns. */
  readonly buildMs: number | null;
  readonly buildNsPerStep: number | null;
  /** Builds timed (in batches for small timelines). */
  readonly builds: number;
  /** Share of the build time spent collecting garbage (V8 gc entries during the builds). */
  readonly buildGcShare: number | null;
  /** Build time per step with the garbage collector's time taken out, ns. */
  readonly buildNsPerStepWithoutGc: number | null;
  /** seekTime to a pseudo-random moment, ns per call. */
  readonly seekNs: number | null;
  /** One frame of playback as the store does it: tick(16.7 ms) then packetsInFlight, ns. */
  readonly frameNs: number | null;
  /** nodeStateAt at a pseudo-random step (the details panel, on every step change), µs per call. */
  readonly nodeStateUs: number | null;
}

export interface CoreCost {
  readonly sizes: readonly CoreSize[];
  /** Between the smallest and the largest generated timeline. */
  readonly scaling: {
    readonly from: string;
    readonly to: string;
    readonly stepsRatio: number | null;
    /** Build time ratio / steps ratio: 1 = linear (a fixed cost per build makes it lower). */
    readonly buildPerStepRatio: number | null;
    /**
     * Marginal build cost per added step, ns: between the two smaller generated sizes and between the
     * two larger ones. Equal figures mean linear; the fixed cost of a build (topology, DNS, handshakes)
     * drops out.
     */
    readonly marginalNsPerStep: { readonly small: number | null; readonly large: number | null };
    /** Seek time ratio, and log2(steps) ratio for comparison (a binary search grows like the latter). */
    readonly seekRatio: number | null;
    readonly log2Ratio: number | null;
    readonly frameRatio: number | null;
    readonly nodeStateRatio: number | null;
  };
}

/** Repeats `fn` in batches of `batch` until `budgetMs` has passed (at least `minSamples` batches). */
function timeBatches(fn: () => void, batch: number, budgetMs: number, minSamples = 5): number[] {
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minSamples || performance.now() - started < budgetMs) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((performance.now() - t0) / batch);
    if (samples.length >= 1000) break;
  }
  return samples;
}

/** Moments spread over the timeline in a scrambled order, so seeks do not walk the cache in order. */
function moments(timeline: Timeline, count: number): Float64Array {
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = (((i * 7919) % count) / count) * timeline.totalMs;
  return times;
}

let sink = 0;

/** Garbage-collection time observed while `fn` runs (gc entries arrive after a turn of the event loop). */
async function withGcTime<T>(fn: () => T): Promise<{ result: T; gcMs: number; ms: number }> {
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return { result, gcMs, ms };
}

async function measureSize(label: string, scenario: Scenario, budgetMs: number): Promise<CoreSize> {
  let timeline = buildTimeline(scenario, STACK); // warm up, and the timeline to seek in
  const steps = timeline.steps.length;
  const buildBatch = Math.max(1, Math.round(20_000 / steps)); // ~20,000 steps built per sample
  const {
    result: builds,
    gcMs,
    ms: buildingMs,
  } = await withGcTime(() =>
    timeBatches(
      () => {
        timeline = buildTimeline(scenario, STACK);
        sink += timeline.steps.length;
      },
      buildBatch,
      budgetMs,
    ),
  );
  const buildMs = median(builds);
  const gcShare = Math.min(1, gcMs / buildingMs);

  const times = moments(timeline, 4096);
  let state = initialPlayback();
  let k = 0;
  const seeks = timeBatches(
    () => {
      state = seekTime(state, timeline, times[k++ & 4095] ?? 0);
      sink += state.step;
    },
    10_000,
    budgetMs / 4,
  );

  let playing = seekTime(initialPlayback({ mode: 'playing', pauseAtHop: false, loop: true }), timeline, 0);
  const frames = timeBatches(
    () => {
      playing = tick(playing, timeline, 16.7);
      sink += packetsInFlight(playing, timeline).length;
    },
    10_000,
    budgetMs / 4,
  );

  let j = 0;
  const nodeStates = timeBatches(
    () => {
      const at = Math.floor((((j++ * 7919) % 4096) / 4096) * steps);
      sink += Object.keys(nodeStateAt(timeline, at)).length;
    },
    Math.max(1, Math.round(200_000 / steps)),
    budgetMs / 4,
  );

  return {
    label,
    steps,
    buildMs: round(buildMs, 4),
    buildNsPerStep: round((buildMs * 1e6) / steps, 0),
    builds: builds.length * buildBatch,
    buildGcShare: round(gcShare, 2),
    buildNsPerStepWithoutGc: round((buildMs * (1 - gcShare) * 1e6) / steps, 0),
    seekNs: round(median(seeks) * 1e6, 1),
    frameNs: round(median(frames) * 1e6, 1),
    nodeStateUs: round(median(nodeStates) * 1e3, 2),
  };
}

/** Measures every size; `budgetMs` is the time spent building each (seeking and the rest take half). */
export async function measureCoreCost(budgetMs = 2000): Promise<CoreCost> {
  const first = scenarioById('first-visit');
  if (!first) throw new Error('first-visit missing');
  // A first pass at a small size lets V8 optimise the engine and playback before anything is timed.
  await measureSize('warm-up', manyRequests(10), budgetMs / 4);
  const sizes = [
    await measureSize('many-requests ×1', manyRequests(1), budgetMs),
    await measureSize('first-visit', first, budgetMs),
    await measureSize('many-requests ×100', manyRequests(100), budgetMs),
    await measureSize('many-requests ×10,000', manyRequests(10_000), budgetMs * 2),
  ];
  if (sink === -1) process.stdout.write(''); // keeps the results alive
  const generated = sizes.filter((s) => s.label.startsWith('many-requests'));
  const small = generated[0];
  const middle = generated[1];
  const large = generated.at(-1);
  const marginal = (a: CoreSize | undefined, b: CoreSize | undefined) =>
    a && b && a.buildMs !== null && b.buildMs !== null
      ? round(((b.buildMs - a.buildMs) * 1e6) / (b.steps - a.steps), 0)
      : null;
  const ratio = (a: number | null | undefined, b: number | null | undefined, digits = 2) =>
    a && b ? round(a / b, digits) : null;
  return {
    sizes,
    scaling: {
      from: small?.label ?? '',
      to: large?.label ?? '',
      stepsRatio: ratio(large?.steps, small?.steps, 0),
      buildPerStepRatio: ratio(large?.buildNsPerStep, small?.buildNsPerStep),
      marginalNsPerStep: { small: marginal(small, middle), large: marginal(middle, large) },
      seekRatio: ratio(large?.seekNs, small?.seekNs),
      log2Ratio: ratio(Math.log2(large?.steps ?? 0), Math.log2(small?.steps ?? 0)),
      frameRatio: ratio(large?.frameNs, small?.frameNs),
      nodeStateRatio: ratio(large?.nodeStateUs, small?.nodeStateUs),
    },
  };
}

/** The core cost as rows: size, steps, build, per step, seek, frame, nodeStateAt. */
export function coreRows(cost: CoreCost): { header: string[]; rows: string[][] } {
  return {
    header: [
      'timeline',
      'steps',
      'build ms',
      'ns/step',
      'gc',
      'ns/step − gc',
      'seek ns',
      'frame ns',
      'nodeStateAt µs',
    ],
    rows: cost.sizes.map((s) => [
      s.label,
      grouped(s.steps),
      show(s.buildMs, s.buildMs !== null && s.buildMs < 1 ? 3 : 1),
      show(s.buildNsPerStep, 0),
      s.buildGcShare === null ? '–' : `${Math.round(s.buildGcShare * 100)}%`,
      show(s.buildNsPerStepWithoutGc, 0),
      show(s.seekNs, 0),
      show(s.frameNs, 0),
      show(s.nodeStateUs, s.nodeStateUs !== null && s.nodeStateUs < 10 ? 2 : 0),
    ]),
  };
}

/** One line on how cost grows between the smallest and the largest timeline. */
export function coreScalingLine(cost: CoreCost): string {
  const s = cost.scaling;
  return (
    `${s.from} → ${s.to}: ×${grouped(s.stepsRatio ?? NaN)} steps; build per step ×${show(s.buildPerStepRatio, 2)}, ` +
    `marginal ${show(s.marginalNsPerStep.small, 0)} → ${show(s.marginalNsPerStep.large, 0)} ns per added step ` +
    `(equal = linear); seek ×${show(s.seekRatio, 2)} (log2 of steps grows ×${show(s.log2Ratio, 2)}); ` +
    `frame ×${show(s.frameRatio, 2)}; nodeStateAt ×${grouped(s.nodeStateRatio ?? NaN)} (linear in the step)`
  );
}
