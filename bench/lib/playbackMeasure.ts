/**
 * One playback run in Chromium: frame intervals and long tasks recorded in the page, main-thread time
 * from the DevTools protocol's Performance metrics, a light trace for the CPU time of long tasks, and
 * (when profiling) a CPU profile.
 */
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
import { pageScript } from './browser.ts';
import type { PageWindow, Recorder } from './pageRecorder.ts';
import { installRecorder } from './pageRecorder.ts';
import type { Case } from './playbackCases.ts';
import { hashFor } from './playbackCases.ts';
import type { CpuProfile, Diagnosis, SourceMap, TraceEvent } from './profiling.ts';
import {
  LONG_TASK_MS,
  analyseProfile,
  mainThreadBreakdown,
  rendererMainEvents,
  traceLongTasks,
} from './profiling.ts';
import { sleep } from './processes.ts';
import { quantile, round } from './stats.ts';

/** The bar: p95 of frame intervals at most 17.5 ms; no long task (over 50 ms). */
export const FRAME_BUDGET_P95_MS = 17.5;
export { LONG_TASK_MS };

/** How a run is measured. */
export interface MeasureOptions {
  /** Playing time before the window opens (the first frames after load are not playback). */
  readonly warmupMs: number;
  /** Length of the measured window. */
  readonly seconds: number;
}

type DurationMetric =
  | 'TaskDuration'
  | 'ScriptDuration'
  | 'LayoutDuration'
  | 'RecalcStyleDuration'
  | 'TaskOtherDuration'
  | 'ThreadTime';
type CountMetric = 'LayoutCount' | 'RecalcStyleCount';

export async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return new Map(list.map((m) => [m.name, m.value]));
}

export interface RunResult {
  readonly case: string;
  readonly run: number;
  readonly profiled: boolean;
  readonly windowMs: number;
  readonly frames: number;
  readonly intervalMs: { median: number | null; p95: number | null; max: number | null; over17_5: number };
  readonly longTasks: {
    count: number;
    maxMs: number | null;
    /** Each long task in the window: start (ms after the window opened) and duration. */
    list: { atMs: number; ms: number }[];
    /** Long tasks before the window (loading), for information. */
    beforeWindow: number;
    beforeWindowMaxMs: number | null;
    /** Main-thread tasks over 50 ms in the trace (the window ± a few ms): wall and CPU time each. */
    traced: { wallMs: number; cpuMs: number | null }[];
    /** The most CPU time any of those took: over 50 ms means the page's own work was long, not the load. */
    maxCpuMs: number | null;
  };
  /** Main-thread milliseconds per frame drawn in the window. */
  readonly perFrameMs: Record<'task' | 'script' | 'layout' | 'style' | 'other' | 'threadCpu', number | null>;
  readonly perFrameCount: Record<'layouts' | 'styleRecalcs', number | null>;
  /** Share of the window's wall time the renderer's main thread was running tasks. */
  readonly mainThreadBusy: number | null;
  /** The step counter when the window opened and closed; restarts at the end, ms after the window opened. */
  readonly steps: { atStart: string; atEnd: string; restartsAtMs: number[] };
  readonly loadavg: readonly [number, number, number];
  readonly errors: readonly string[];
}

function summarise(
  c: Case,
  run: number,
  profiled: boolean,
  page: PageWindow,
  before: Map<string, number>,
  after: Map<string, number>,
  errors: string[],
  traced: { wallMs: number; cpuMs: number | null }[],
): RunResult {
  const intervals = page.frames.slice(1).map((t, i) => t - (page.frames[i] ?? t));
  const sorted = [...intervals].sort((a, b) => a - b);
  const frames = intervals.length;
  const delta = (name: string) => (after.get(name) ?? NaN) - (before.get(name) ?? NaN);
  const perFrame = (name: DurationMetric) => round((delta(name) * 1000) / frames, 3);
  const perFrameCount = (name: CountMetric) => round(delta(name) / frames, 3);
  const inWindow = page.longTasks.filter((t) => t.start >= page.t0 && t.start <= page.t1);
  const earlier = page.longTasks.filter((t) => t.start < page.t0);
  const windowMs = page.t1 - page.t0;
  const maxOf = (xs: readonly { duration: number }[]) =>
    xs.length ? round(Math.max(...xs.map((t) => t.duration)), 1) : null;
  return {
    case: c.label,
    run,
    profiled,
    windowMs: Math.round(windowMs),
    frames,
    intervalMs: {
      median: round(quantile(sorted, 0.5)),
      p95: round(quantile(sorted, 0.95)),
      max: round(sorted.at(-1) ?? NaN),
      over17_5: intervals.filter((d) => d > FRAME_BUDGET_P95_MS).length,
    },
    longTasks: {
      count: inWindow.length,
      maxMs: maxOf(inWindow),
      list: inWindow.map((t) => ({ atMs: Math.round(t.start - page.t0), ms: Math.round(t.duration) })),
      beforeWindow: earlier.length,
      beforeWindowMaxMs: maxOf(earlier),
      traced,
      maxCpuMs: traced.reduce<number | null>(
        (m, t) => (t.cpuMs === null ? m : Math.max(m ?? 0, t.cpuMs)),
        null,
      ),
    },
    perFrameMs: {
      task: perFrame('TaskDuration'),
      script: perFrame('ScriptDuration'),
      layout: perFrame('LayoutDuration'),
      style: perFrame('RecalcStyleDuration'),
      other: perFrame('TaskOtherDuration'),
      threadCpu: perFrame('ThreadTime'),
    },
    perFrameCount: { layouts: perFrameCount('LayoutCount'), styleRecalcs: perFrameCount('RecalcStyleCount') },
    mainThreadBusy: round((delta('TaskDuration') * 1000) / windowMs, 3),
    steps: {
      atStart: page.counterAtStart,
      atEnd: page.counterAtEnd,
      restartsAtMs: page.restarts.map((t) => Math.round(t - page.t0)),
    },
    loadavg: loadavg().map((l) => round(l, 2) ?? 0) as [number, number, number],
    errors,
  };
}

/** Opens the case in a fresh context, lets it play, then records one window. */
export async function measure(
  browser: Browser,
  baseUrl: string,
  c: Case,
  run: number,
  options: MeasureOptions,
  profile: { maps: Map<string, SourceMap> } | null,
): Promise<{ result: RunResult; diagnosis: Diagnosis | null; profilePath: string | null }> {
  const context = await browser.newContext({ viewport: c.viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.addInitScript(pageScript(installRecorder));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(`${baseUrl}${hashFor(c)}`);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => (window as unknown as { __rtBench: Recorder }).__rtBench.playing(),
      null,
      {
        timeout: 10_000,
      },
    );
    await sleep(options.warmupMs);

    // Always a light trace (top-level tasks, with their CPU time) to tell long tasks of the page's own
    // work from tasks stretched by the machine's load; the full timeline only when profiling.
    const traceEvents: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => traceEvents.push(...(data.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', {
      categories: profile
        ? 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8'
        : 'toplevel',
      transferMode: 'ReportEvents',
    });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    await page.evaluate(() => (window as unknown as { __rtBench: Recorder }).__rtBench.start());
    const before = await metrics(cdp);
    await sleep(options.seconds * 1000);
    const after = await metrics(cdp);
    const recorded = await page.evaluate(() =>
      (window as unknown as { __rtBench: Recorder }).__rtBench.stop(),
    );
    const cpu = profile ? (await cdp.send('Profiler.stop')).profile : null;
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    const main = rendererMainEvents(traceEvents);
    const result = summarise(c, run, profile !== null, recorded, before, after, errors, traceLongTasks(main));
    if (!profile || !cpu) return { result, diagnosis: null, profilePath: null };

    const slug = c.label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const profilePath = join(tmpdir(), `roundtrip-playback-${slug}.cpuprofile`);
    writeFileSync(profilePath, JSON.stringify(cpu));
    const diagnosis = {
      ...analyseProfile(cpu as unknown as CpuProfile, profile.maps),
      mainThread: mainThreadBreakdown(main, result.frames),
    };
    return { result, diagnosis, profilePath };
  } finally {
    await context.close();
  }
}
