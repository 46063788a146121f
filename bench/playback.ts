/**
 * Playback smoothness in the system Chromium: frame intervals, long tasks and main-thread time per frame
 * while the main view plays at 1× and 4×. A benchmark, not a test: the machine is shared and noisy, so
 * nothing here is asserted; it prints a table and writes bench/playback-results.json.
 *
 *   npm run bench:playback                          builds, then measures every case twice (~3.5 min)
 *   npm run bench:playback -- --runs 3 --seconds 10
 *   npm run bench:playback -- --only 4x             cases whose label contains "4x" (or "1280", "largest"…)
 *   npm run bench:playback -- --profile             then one CPU-profiled, traced run per case on an
 *                                                   unminified build with source maps: hot spots printed,
 *                                                   /tmp/roundtrip-playback-*.cpuprofile (open in DevTools)
 *                                                   and /tmp/roundtrip-playback-profiles.json
 *
 * Cases: first-visit (node/postgres, the default) and the scenario × stack with the most steps, at 1× and
 * 4×, in 1920×1080 and 1280×800, each with `pause=none&autoplay=1`. The hash has no loop option, so when
 * playback reaches the end the page's Play button is pressed (it starts again at step 1).
 *
 * What the figures mean. Headless Chromium runs a fixed 60 Hz frame clock, so a frame interval is 16.7 ms
 * unless the main thread was still busy when a frame was due (then 33.3 ms or more): intervals show only
 * blocking. Main-thread ms per frame (the DevTools protocol's Performance metrics TaskDuration,
 * ScriptDuration, LayoutDuration and RecalcStyleDuration over the window, divided by the frames drawn in
 * it) shows the headroom left in the 16.7 ms budget; those are wall times, so on a loaded machine they
 * include time the renderer waited for a core, while ThreadTime ("cpu") is the main thread's CPU time.
 * A light trace of top-level tasks gives each task over 50 ms its CPU time too: a 90 ms long task that
 * used 5 ms of CPU was the machine's load, not the page's work.
 *
 * The issue's bar: p95 of frame intervals at most 17.5 ms at 1× and 4× on this 2-core machine, and no long
 * task over 50 ms (any long task counts: a long task is one over 50 ms by definition).
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser, CDPSession } from '@playwright/test';
import { DATABASES, LANGUAGES, SCENARIOS, buildTimeline } from '../src/core/index.ts';
import type { Database, Language } from '../src/core/index.ts';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium.ts';

const ROOT = join(import.meta.dirname, '..');
const VITE = join(ROOT, 'node_modules', '.bin', 'vite');
const RESULTS = join(ROOT, 'bench', 'playback-results.json');
const FRAME_BUDGET_P95_MS = 17.5;
const LONG_TASK_MS = 50;
const HIGH_MAIN_THREAD_MS = 8;

// ---------------------------------------------------------------------------------------------------
// Options

interface Options {
  readonly runs: number;
  readonly seconds: number;
  readonly warmupMs: number;
  readonly only: string | null;
  readonly profile: boolean;
  readonly write: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positive = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!(n > 0)) throw new Error(`${name} needs a positive number, not "${raw}"`);
    return n;
  };
  if (argv.includes('--help')) {
    process.stdout.write(
      'Usage: tsx bench/playback.ts [--runs N=2] [--seconds S=10] [--warmup MS=1000] [--only TEXT] [--profile] [--no-write]\n',
    );
    process.exit(0);
  }
  return {
    runs: Math.round(positive('--runs', 2)),
    seconds: positive('--seconds', 10),
    warmupMs: positive('--warmup', 1000),
    only: value('--only') ?? null,
    profile: argv.includes('--profile'),
    write: !argv.includes('--no-write'),
  };
}

// ---------------------------------------------------------------------------------------------------
// Cases

interface Viewport {
  readonly width: number;
  readonly height: number;
}

interface Case {
  readonly label: string;
  readonly scenario: string;
  readonly lang: Language;
  readonly db: Database;
  readonly steps: number;
  readonly speed: 1 | 4;
  readonly viewport: Viewport;
}

const VIEWPORTS: readonly Viewport[] = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
];

/** The scenario × stack with the most steps (ties: the largest Timeline JSON, i.e. the most text to show). */
function largestTimeline() {
  let best: { scenario: string; lang: Language; db: Database; steps: number; bytes: number } | null = null;
  for (const scenario of SCENARIOS)
    for (const lang of LANGUAGES)
      for (const db of DATABASES) {
        const timeline = buildTimeline(scenario, { lang, db });
        const steps = timeline.steps.length;
        const bytes = JSON.stringify(timeline).length;
        if (!best || steps > best.steps || (steps === best.steps && bytes > best.bytes))
          best = { scenario: scenario.id, lang, db, steps, bytes };
      }
  if (!best) throw new Error('no scenarios');
  return best;
}

function buildCases(only: string | null): Case[] {
  const first = SCENARIOS.find((s) => s.id === 'first-visit');
  if (!first) throw new Error('first-visit missing');
  const defaultSteps = buildTimeline(first, { lang: 'node', db: 'postgres' }).steps.length;
  const largest = largestTimeline();
  const timelines = [
    {
      name: 'first-visit',
      scenario: 'first-visit',
      lang: 'node' as Language,
      db: 'postgres' as Database,
      steps: defaultSteps,
    },
  ];
  if (!(largest.scenario === 'first-visit' && largest.lang === 'node' && largest.db === 'postgres'))
    timelines.push({ name: `largest ${largest.scenario}`, ...largest });
  const cases: Case[] = [];
  for (const t of timelines)
    for (const viewport of VIEWPORTS)
      for (const speed of [1, 4] as const)
        cases.push({
          label: `${t.name} ${t.lang}/${t.db} ${speed}x ${viewport.width}x${viewport.height}`,
          scenario: t.scenario,
          lang: t.lang,
          db: t.db,
          steps: t.steps,
          speed,
          viewport,
        });
  return only ? cases.filter((c) => c.label.includes(only)) : cases;
}

/** The hash contract of PRODUCT.md §5 (src/core/url/parseHash.ts). There is no loop parameter. */
const hashFor = (c: Case) =>
  `#scenario=${c.scenario}&lang=${c.lang}&db=${c.db}&speed=${c.speed}&pause=none&autoplay=1`;

// ---------------------------------------------------------------------------------------------------
// The in-page recorder (injected before any page script runs)

interface PageWindow {
  readonly frames: number[];
  readonly longTasks: { start: number; duration: number }[];
  /** performance.now() of each press of Play at the end. */
  readonly restarts: number[];
  readonly t0: number;
  readonly t1: number;
  readonly counterAtStart: string;
  readonly counterAtEnd: string;
}

interface Recorder {
  start(): void;
  stop(): PageWindow;
  counter(): string;
  playing(): boolean;
}

/**
 * A rAF loop that records frame timestamps while a window is open, a long-task observer, and, since the
 * hash has no loop option, a watcher that presses Play when playback has reached the end (Play from the
 * very end starts again at step 1). Serialised by Playwright: it must be self-contained.
 */
function installRecorder(): void {
  const frames: number[] = [];
  const longTasks: { start: number; duration: number }[] = [];
  let recording = false;
  const restarts: number[] = [];
  let t0 = 0;
  let counterAtStart = '';
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task support: reported as zero long tasks.
  }
  const onFrame = (now: number) => {
    if (recording) frames.push(now);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  const playButton = () => document.querySelector<HTMLButtonElement>('button.rt-play');
  const counter = () => document.querySelector('.rt-counter')?.textContent?.trim() ?? '';
  setInterval(() => {
    const button = playButton();
    if (recording && button && button.getAttribute('aria-label') === 'Play') {
      restarts.push(performance.now());
      button.click();
    }
  }, 200);
  const recorder: Recorder = {
    start() {
      frames.length = 0;
      restarts.length = 0;
      counterAtStart = counter();
      t0 = performance.now();
      recording = true;
    },
    stop() {
      recording = false;
      return {
        frames: frames.slice(),
        longTasks: longTasks.slice(),
        restarts: restarts.slice(),
        t0,
        t1: performance.now(),
        counterAtStart,
        counterAtEnd: counter(),
      };
    },
    counter,
    playing: () => playButton()?.getAttribute('aria-label') === 'Pause',
  };
  (window as unknown as { __rtBench: Recorder }).__rtBench = recorder;
}

// ---------------------------------------------------------------------------------------------------
// Statistics

const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

type DurationMetric =
  | 'TaskDuration'
  | 'ScriptDuration'
  | 'LayoutDuration'
  | 'RecalcStyleDuration'
  | 'TaskOtherDuration'
  | 'ThreadTime';
type CountMetric = 'LayoutCount' | 'RecalcStyleCount';

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return new Map(list.map((m) => [m.name, m.value]));
}

interface RunResult {
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

// ---------------------------------------------------------------------------------------------------
// CPU profile hot spots (only with --profile)

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

interface HotSpot {
  readonly function: string;
  readonly where: string;
  readonly ms: number;
  readonly pct: number;
}

interface Diagnosis {
  /** JavaScript functions by self time (idle left out; "(program)" is native work: style, layout, paint…). */
  readonly selfTime: HotSpot[];
  /** The app's own functions (src/) by inclusive time: which component or hook costs the most. */
  readonly appInclusive: HotSpot[];
  /** Self time by source file or package. */
  readonly byModule: HotSpot[];
  /** Renderer main-thread trace events by self time, ms per frame (native work the profile calls "(program)"). */
  readonly mainThread: { event: string; msPerFrame: number; count: number }[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Just enough of a source-map v3 reader to turn a bundle position into a source file and line. */
class SourceMap {
  private readonly lines: number[][][] = [];
  private readonly sources: string[];

  constructor(json: { sources: string[]; mappings: string }) {
    this.sources = json.sources;
    const state = [0, 0, 0, 0, 0];
    for (const line of json.mappings.split(';')) {
      state[0] = 0;
      const segments: number[][] = [];
      for (const text of line.split(',')) {
        if (!text) continue;
        const fields: number[] = [];
        let value = 0;
        let shift = 0;
        for (const ch of text) {
          const digit = BASE64.indexOf(ch);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        const segment: number[] = [];
        fields.forEach((f, i) => {
          state[i] = (state[i] ?? 0) + f;
          segment.push(state[i] ?? 0);
        });
        segments.push(segment);
      }
      this.lines.push(segments);
    }
  }

  /** 0-based line and column in the bundle → "path/to/source.ts:line" (1-based), or null. */
  lookup(line: number, column: number): string | null {
    const segments = this.lines[line];
    if (!segments) return null;
    let found: number[] | undefined;
    for (const s of segments) {
      if ((s[0] ?? 0) > column) break;
      if (s.length >= 4) found = s;
    }
    if (!found) return null;
    const source = this.sources[found[1] ?? -1] ?? '?';
    const short = source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
    return `${short}:${(found[2] ?? 0) + 1}`;
  }
}

function analyseProfile(
  profile: CpuProfile,
  maps: Map<string, SourceMap>,
  top = 15,
): Omit<Diagnosis, 'mainThread'> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time before sample i: the time after sample i is timeDeltas[i + 1].
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0));
  }
  const place = (node: ProfileNode) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.replace(/^.*\/assets\//, 'assets/');
    const where =
      maps.get(file)?.lookup(lineNumber, columnNumber) ?? (url ? `${file}:${lineNumber + 1}` : '');
    const name = functionName || (url ? '(anonymous)' : '(native)');
    return { name, where, key: `${name}@${where}` };
  };
  const places = new Map([...nodes.values()].map((n) => [n.id, place(n)]));
  const isIdle = (id: number) => places.get(id)?.name === '(idle)';
  const busy = [...self].filter(([id]) => !isIdle(id)).reduce((sum, [, us]) => sum + us, 0) || 1;

  const selfByKey = new Map<string, { function: string; where: string; us: number }>();
  const byModule = new Map<string, { function: string; where: string; us: number }>();
  const inclusive = new Map<string, { function: string; where: string; us: number }>();
  const moduleOf = (where: string) => {
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
    return pkg ? `node_modules/${pkg[1] ?? ''}` : where.replace(/:\d+$/, '').replace(/^.*?(src\/)/, '$1');
  };
  const add = (map: typeof selfByKey, key: string, fn: string, where: string, us: number) => {
    const entry = map.get(key) ?? { function: fn, where, us: 0 };
    entry.us += us;
    map.set(key, entry);
  };
  for (const [id, us] of self) {
    if (us === 0 || isIdle(id)) continue;
    const p = places.get(id);
    if (!p) continue;
    add(selfByKey, p.key, p.name, p.where, us);
    const module = p.where ? moduleOf(p.where) : p.name;
    add(byModule, module, module, '', us);
    // Inclusive time of the app's own frames on this stack, each counted once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const q = places.get(at);
      if (!q || !/(^|\/)src\//.test(q.where) || seen.has(q.key)) continue;
      seen.add(q.key);
      add(inclusive, q.key, q.name, q.where, us);
    }
  }
  const list = (map: typeof selfByKey, n: number) =>
    [...map.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, n)
      .map((e) => ({
        function: e.function,
        where: e.where.replace(/^.*?(src\/)/, '$1'),
        ms: round(e.us / 1000, 1) ?? 0,
        pct: round((e.us / busy) * 100, 1) ?? 0,
      }));
  return { selfTime: list(selfByKey, top), appInclusive: list(inclusive, 10), byModule: list(byModule, 10) };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: less than dur when the OS ran something else meanwhile. */
  tdur?: number;
  args?: { name?: string };
}

/** The complete ("X") events of the busiest renderer main thread (the page's), in time order. */
function rendererMainEvents(events: readonly TraceEvent[]): TraceEvent[] {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(thread) || !(e.dur !== undefined && e.dur >= 0)) continue;
    const list = byThread.get(thread) ?? [];
    list.push(e);
    byThread.set(thread, list);
  }
  const total = (xs: readonly TraceEvent[]) => xs.reduce((sum, e) => sum + (e.dur ?? 0), 0);
  const main = [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
  return main.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

/**
 * Main-thread tasks over 50 ms of wall time, with their CPU time: a long task whose CPU time is far below
 * its wall time was mostly waiting for a core (the machine's load), not running the page's code.
 */
function traceLongTasks(main: readonly TraceEvent[]): { wallMs: number; cpuMs: number | null }[] {
  const long: { wallMs: number; cpuMs: number | null }[] = [];
  let end = -Infinity;
  for (const e of main) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.ts < end) continue; // top-level tasks only
    end = e.ts + (e.dur ?? 0);
    if ((e.dur ?? 0) > LONG_TASK_MS * 1000)
      long.push({
        wallMs: Math.round((e.dur ?? 0) / 1000),
        cpuMs: e.tdur === undefined ? null : Math.round(e.tdur / 1000),
      });
  }
  return long;
}

/** Self time per event name on the renderer main thread, from complete ("X") trace events. */
function mainThreadBreakdown(main: readonly TraceEvent[], frames: number, top = 12): Diagnosis['mainThread'] {
  const selfUs = new Map<string, { us: number; count: number }>();
  const stack: { event: TraceEvent; end: number; self: number }[] = [];
  const close = (until: number) => {
    while (stack.length && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop();
      if (!done) break;
      const entry = selfUs.get(done.event.name) ?? { us: 0, count: 0 };
      entry.us += Math.max(0, done.self);
      entry.count += 1;
      selfUs.set(done.event.name, entry);
    }
  };
  for (const e of main) {
    close(e.ts);
    const top = stack.at(-1);
    if (top) top.self -= e.dur ?? 0;
    stack.push({ event: e, end: e.ts + (e.dur ?? 0), self: e.dur ?? 0 });
  }
  close(Infinity);
  return [...selfUs]
    .sort((a, b) => b[1].us - a[1].us)
    .slice(0, top)
    .map(([event, { us, count }]) => ({
      event,
      msPerFrame: round(us / 1000 / Math.max(frames, 1), 3) ?? 0,
      count,
    }));
}

function loadSourceMaps(dist: string): Map<string, SourceMap> {
  const maps = new Map<string, SourceMap>();
  for (const name of readdirSync(join(dist, 'assets'))) {
    if (!name.endsWith('.js.map')) continue;
    const json = JSON.parse(readFileSync(join(dist, 'assets', name), 'utf8')) as {
      sources: string[];
      mappings: string;
    };
    maps.set(`assets/${name.slice(0, -'.map'.length)}`, new SourceMap(json));
  }
  return maps;
}

// ---------------------------------------------------------------------------------------------------
// Server and browser

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

function cleanUp(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Serves a built directory with `vite preview` on a free port; resolves with its URL once it answers. */
async function preview(outDir: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    VITE,
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    children.delete(child);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  stop();
  throw new Error(`vite preview did not answer at ${url} within 30 s:\n${output}`);
}

/** The commit measured, and whether src/ had uncommitted changes (the build uses the working tree). */
function sourceVersion(): { commit: string | null; srcDirty: boolean | null } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      srcDirty: git('--no-optional-locks', 'status', '--porcelain', '--', 'src') !== '',
    };
  } catch {
    return { commit: null, srcDirty: null };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A private copy of a built directory: other engineers rebuild dist/ while their tests run, and a build
 * empties it first, so the benchmark serves a snapshot taken right after its own build.
 */
function snapshot(dist: string): string {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(
      `${relative(ROOT, dist)}/index.html is missing: run "npm run bench:playback", which builds first.`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-bench-'));
  tempDirs.add(dir);
  cpSync(dist, join(dir, 'dist'), { recursive: true });
  return join(dir, 'dist');
}

/** An unminified build with source maps, for readable CPU profiles. */
async function profileBuild(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-bench-profile-'));
  tempDirs.add(dir);
  const outDir = join(dir, 'dist');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      VITE,
      [
        'build',
        '--minify',
        'false',
        '--sourcemap',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`vite build for profiling exited with ${code}`));
    });
  });
  return outDir;
}

async function measure(
  browser: Browser,
  baseUrl: string,
  c: Case,
  run: number,
  options: Options,
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
    // tsx (esbuild, keepNames) wraps named functions in __name(): define it for the serialised copy.
    await page.addInitScript({
      content: `(() => { const __name = (f) => f; (${installRecorder.toString()})(); })();`,
    });
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

// ---------------------------------------------------------------------------------------------------
// Report

function formatDiagnosis(d: Diagnosis): string {
  const spots = (title: string, xs: readonly HotSpot[]) =>
    `  ${title}\n${xs.map((h) => `    ${h.ms.toFixed(1).padStart(8)} ms ${h.pct.toFixed(1).padStart(5)}%  ${h.function}  ${h.where}`).join('\n')}\n`;
  return (
    spots('Self time (share of non-idle samples; "(program)" = native work, split below):', d.selfTime) +
    spots('By module (self time):', d.byModule) +
    spots('App functions (src/), inclusive time:', d.appInclusive) +
    `  Renderer main thread by trace event, self time per frame:\n${d.mainThread
      .map((e) => `    ${e.msPerFrame.toFixed(3).padStart(8)} ms/frame  ${e.event} (×${e.count})`)
      .join('\n')}\n`
  );
}

function table(rows: readonly RunResult[]): string {
  const header = [
    'case',
    'run',
    'frames',
    'median',
    'p95',
    'max',
    '>17.5',
    'long tasks',
    'lt cpu',
    'task/fr',
    'script',
    'layout',
    'style',
    'other',
    'cpu',
    'busy',
    'steps',
    'load1',
  ];
  const show = (n: number | null, digits = 1) => (n === null ? '–' : n.toFixed(digits));
  const body = rows.map((r) => [
    r.case,
    String(r.run),
    String(r.frames),
    show(r.intervalMs.median),
    show(r.intervalMs.p95),
    show(r.intervalMs.max),
    String(r.intervalMs.over17_5),
    r.longTasks.count ? `${r.longTasks.count} (max ${show(r.longTasks.maxMs, 0)})` : '0',
    show(r.longTasks.maxCpuMs, 0),
    show(r.perFrameMs.task, 2),
    show(r.perFrameMs.script, 2),
    show(r.perFrameMs.layout, 2),
    show(r.perFrameMs.style, 2),
    show(r.perFrameMs.other, 2),
    show(r.perFrameMs.threadCpu, 2),
    r.mainThreadBusy === null ? '–' : `${Math.round(r.mainThreadBusy * 100)}%`,
    `${r.steps.atStart.replace(/\s*·.*$/, '')} → ${r.steps.atEnd.replace(/\s*·.*$/, '')}${r.steps.restartsAtMs.length ? ` ↺${r.steps.restartsAtMs.length}` : ''}`,
    show(r.loadavg[0], 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function verdict(rows: readonly RunResult[]): string[] {
  const notes: string[] = [];
  for (const r of rows) {
    const over: string[] = [];
    if ((r.intervalMs.p95 ?? 0) > FRAME_BUDGET_P95_MS)
      over.push(`p95 ${r.intervalMs.p95} ms > ${FRAME_BUDGET_P95_MS}`);
    if (r.longTasks.count > 0)
      over.push(
        `${r.longTasks.count} long task(s) over ${LONG_TASK_MS} ms: ` +
          r.longTasks.list.map((t) => `${t.ms} ms at +${t.atMs} ms`).join(', ') +
          (r.longTasks.maxCpuMs === null
            ? '; no task over 50 ms in the trace'
            : `; the most CPU any of them used: ${r.longTasks.maxCpuMs} ms`) +
          (r.steps.restartsAtMs.length ? ` (restart at +${r.steps.restartsAtMs.join(', +')} ms)` : ''),
      );
    if ((r.perFrameMs.task ?? 0) > HIGH_MAIN_THREAD_MS)
      over.push(`main thread ${r.perFrameMs.task} ms/frame > ${HIGH_MAIN_THREAD_MS}`);
    if (r.errors.length) over.push(`page errors: ${r.errors.slice(0, 3).join(' | ')}`);
    if (over.length) notes.push(`${r.case} run ${r.run}: ${over.join('; ')}`);
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const cases = buildCases(options.only);
  if (cases.length === 0) throw new Error(`no case matches --only "${options.only}"`);
  const dist = snapshot(join(ROOT, 'dist'));
  const server = await preview(dist);
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true,
  });
  const chromiumVersion = browser.version();
  const rows: RunResult[] = [];
  const profiles: ({ case: string; path: string | null; run: RunResult } & Diagnosis)[] = [];
  try {
    process.stdout.write(
      `Chromium ${chromiumVersion}, ${cpus().length} CPUs, load ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}; ` +
        `${cases.length} cases × ${options.runs} runs × ${options.seconds} s\n`,
    );
    // Runs are interleaved (every case, then every case again) so a burst of load hits one run, not both.
    for (let run = 1; run <= options.runs; run++)
      for (const c of cases) {
        const { result } = await measure(browser, server.url, c, run, options, null);
        rows.push(result);
        process.stdout.write(
          `  ${c.label} run ${run}: p95 ${result.intervalMs.p95} ms, ${result.longTasks.count} long tasks, ` +
            `${result.perFrameMs.task} ms/frame main thread\n`,
        );
      }

    if (options.profile) {
      process.stdout.write(
        '\nProfiling (unminified build with source maps, CPU profile and trace; not in the table)…\n',
      );
      const profileDist = await profileBuild();
      const profileServer = await preview(profileDist);
      try {
        const maps = loadSourceMaps(profileDist);
        for (const c of cases) {
          const { result, diagnosis, profilePath } = await measure(
            browser,
            profileServer.url,
            c,
            0,
            options,
            { maps },
          );
          if (!diagnosis) continue;
          profiles.push({ case: c.label, path: profilePath, run: result, ...diagnosis });
          process.stdout.write(
            `\n${c.label} (profiled run: p95 ${result.intervalMs.p95} ms, ` +
              `${result.perFrameMs.task} ms/frame, ${result.longTasks.count} long tasks) → ${profilePath}\n`,
          );
          process.stdout.write(formatDiagnosis(diagnosis));
        }
      } finally {
        profileServer.stop();
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }

  process.stdout.write(`\n${table(rows)}\n`);
  process.stdout.write(
    [
      '',
      'median/p95/max: frame intervals, ms (60 Hz clock: 16.7 = no frame missed); >17.5: intervals over 17.5 ms',
      'long tasks: PerformanceObserver longtask entries in the window (count, max ms)',
      'lt cpu: the most main-thread CPU ms any task over 50 ms used (trace tdur; far below 50 = stretched by load)',
      'task/script/layout/style/other: main-thread ms per frame (CDP Performance: TaskDuration, ScriptDuration,',
      '  LayoutDuration, RecalcStyleDuration, TaskOtherDuration = paint, commit and the rest)',
      'cpu: main-thread CPU ms per frame (ThreadTime: leaves out time the OS gave other processes)',
      'busy: main-thread share of wall time; steps: step counter when the window opened → closed (↺ restarts)',
      'load1: 1-minute load average after the run',
      '',
    ].join('\n'),
  );
  const notes = verdict(rows);
  process.stdout.write(
    notes.length ? `\nOver the bar:\n  ${notes.join('\n  ')}\n` : '\nEvery run within the bar.\n',
  );
  if (notes.length && !options.profile)
    process.stdout.write('Profile with: npm run bench:playback -- --profile\n');

  if (options.write) {
    const results = {
      date: startedAt.toISOString(),
      chromium: chromiumVersion,
      cpus: cpus().length,
      loadavg: { start: loadAtStart.map((l) => round(l, 2)), end: loadavg().map((l) => round(l, 2)) },
      options: {
        runs: options.runs,
        seconds: options.seconds,
        warmupMs: options.warmupMs,
        only: options.only,
      },
      bar: { p95IntervalMs: FRAME_BUDGET_P95_MS, longTaskMs: LONG_TASK_MS },
      source: sourceVersion(),
      runs: rows,
    };
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\nWrote ${relative(ROOT, RESULTS)}\n`);
  }
  if (profiles.length) {
    // Kept out of the results file (large); the .cpuprofile files sit beside it in the temp directory.
    const path = join(tmpdir(), 'roundtrip-playback-profiles.json');
    writeFileSync(path, `${JSON.stringify({ date: startedAt.toISOString(), profiles }, null, 2)}\n`);
    process.stdout.write(`Wrote ${path}\n`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
process.on('exit', cleanUp);

main().then(
  () => cleanUp(),
  (error: unknown) => {
    cleanUp();
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
