/**
 * Time from navigation to the diagram being visible, for the app's main view and for the bare React
 * Flow fixture (bench/fixtures/bare-flow), each loaded N times in a fresh browser context, alternating.
 *
 * How "visible" is decided. A probe injected before any page script runs a requestAnimationFrame loop;
 * in each frame's callback it asks whether every `.react-flow__node` is laid out (a non-empty box that
 * overlaps the window), has `visibility: visible` (React Flow hides a node until it has measured it and
 * fitted the view), that at least one `.react-flow__edge` is drawn, and, in the app, that the status line
 * reads "Step 1 of". The first frame where all hold is the frame that paints the diagram: its time is
 * `visibleMs` (performance.now() in that callback, so milliseconds since navigation started). A
 * message posted from the same callback runs once that frame's rendering is done (`paintedMs`, the
 * headline figure). Checking once per frame, in rAF, costs each page one early layout per frame and
 * nothing per DOM mutation; a MutationObserver only notes when the first node enters the DOM. First
 * contentful paint and navigation timing are recorded beside it for context.
 */
import type { Browser, Page } from '@playwright/test';
import { pageScript } from './browser.ts';
import { analyseProfile } from './profiling.ts';
import type { CpuProfile, Diagnosis, SourceMap } from './profiling.ts';
import { median, quantile, round, summary } from './stats.ts';
import type { Summary } from './stats.ts';

interface ProbeOptions {
  /** Also wait for the app's status line to read "Step 1 of …". */
  readonly needCounter: boolean;
  /** What the probe logs (console.debug) once the diagram's frame is painted. */
  readonly painted: string;
}

export const PAINTED = 'roundtrip-bench: diagram painted';

export interface ProbeMarks {
  /** A `.react-flow__node` first in the DOM (hidden or not). */
  nodeInDomMs: number | null;
  /** The rAF callback of the first frame that shows the whole diagram. */
  visibleMs: number | null;
  /** A task posted from that callback: after the frame's style, layout and paint. */
  paintedMs: number | null;
  fcpMs: number | null;
  domContentLoadedMs: number | null;
  nodes: number;
  edges: number;
  counter: string;
}

/** The in-page probe. Serialised into the page: self-contained. */
export function installStartupProbe(options: ProbeOptions): void {
  const marks: ProbeMarks = {
    nodeInDomMs: null,
    visibleMs: null,
    paintedMs: null,
    fcpMs: null,
    domContentLoadedMs: null,
    nodes: 0,
    edges: 0,
    counter: '',
  };
  (window as unknown as { __rtStartup: ProbeMarks }).__rtStartup = marks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.fcpMs = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // no paint timing
  }
  document.addEventListener('DOMContentLoaded', () => (marks.domContentLoadedMs = performance.now()));
  const watcher = new MutationObserver(() => {
    if (marks.nodeInDomMs === null && document.querySelector('.react-flow__node')) {
      marks.nodeInDomMs = performance.now();
      watcher.disconnect();
    }
  });
  watcher.observe(document, { childList: true, subtree: true });

  const shown = (): boolean => {
    const nodes = document.querySelectorAll('.react-flow__node');
    const edges = document.querySelectorAll('.react-flow__edge');
    if (nodes.length === 0 || edges.length === 0) return false;
    for (const node of nodes) {
      const box = node.getBoundingClientRect();
      if (box.width <= 0 || box.height <= 0) return false;
      if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth || box.top >= innerHeight) return false;
      if (getComputedStyle(node).visibility !== 'visible') return false;
    }
    const counter = document.querySelector('.rt-counter')?.textContent?.trim() ?? '';
    if (options.needCounter && !counter.startsWith('Step 1 of')) return false;
    marks.nodes = nodes.length;
    marks.edges = edges.length;
    marks.counter = counter;
    return true;
  };
  const frame = () => {
    if (marks.visibleMs !== null) return;
    if (document.readyState !== 'loading' && shown()) {
      marks.visibleMs = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks.paintedMs = performance.now();
        // Tells the harness without it evaluating anything in the page while it starts (paintedMessage).
        console.debug(options.painted);
      };
      channel.port2.postMessage(null);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export interface StartupRun extends ProbeMarks {
  readonly page: 'app' | 'bare';
  readonly run: number;
}

export interface PageStartup {
  readonly url: string;
  readonly paintedMs: Summary;
  readonly visibleMs: Summary;
  readonly nodeInDomMs: Summary;
  readonly fcpMs: Summary;
  readonly nodes: number;
  readonly edges: number;
}

export interface Startup {
  readonly runsPerPage: number;
  readonly viewport: { width: number; height: number };
  readonly app: PageStartup;
  readonly bare: PageStartup;
  /** Median of the app / median of the bare page (painted). Target ≤ 1.2. */
  readonly ratioOfMedians: number | null;
  readonly ratioOfP90: number | null;
  /** Fastest load of each: the least disturbed by the machine's load. */
  readonly ratioOfMins: number | null;
  readonly target: number;
  readonly runs: readonly StartupRun[];
}

const VIEWPORT = { width: 1920, height: 1080 };

/**
 * The probe's console message that the diagram's frame is painted. Waiting for it, rather than
 * polling with waitForFunction, keeps Playwright from evaluating its utility script (7–10 ms) in the
 * page while it starts.
 */
const paintedMessage = (page: Page) =>
  page.waitForEvent('console', { predicate: (message) => message.text() === PAINTED, timeout: 30_000 });

/**
 * One load of `url` in a fresh context, until the probe's frame showing the diagram is painted; `inspect`
 * may read more from the page then (resource timings, for a diagnosis).
 */
export async function loadOnce(
  browser: Browser,
  url: string,
  needCounter: boolean,
  inspect?: (page: Page) => Promise<void>,
): Promise<ProbeMarks> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(pageScript(installStartupProbe, { needCounter, painted: PAINTED }));
    const painted = paintedMessage(page);
    await page.goto(url, { waitUntil: 'commit' });
    await painted;
    if (errors.length) throw new Error(`${url}: ${errors.join(' | ')}`);
    await inspect?.(page);
    return await page.evaluate(() => (window as unknown as { __rtStartup: ProbeMarks }).__rtStartup);
  } finally {
    await context.close();
  }
}

function pageSummary(url: string, runs: readonly StartupRun[]): PageStartup {
  const of = (key: 'paintedMs' | 'visibleMs' | 'nodeInDomMs' | 'fcpMs') =>
    summary(runs.map((r) => r[key]).filter((v): v is number => v !== null));
  return {
    url,
    paintedMs: of('paintedMs'),
    visibleMs: of('visibleMs'),
    nodeInDomMs: of('nodeInDomMs'),
    fcpMs: of('fcpMs'),
    nodes: runs[0]?.nodes ?? 0,
    edges: runs[0]?.edges ?? 0,
  };
}

/**
 * Loads each page `runs` times, in ABBA order (app, bare, bare, app, …) so drift in the machine's load
 * falls on both alike, after one untimed load of each (which also counts the app's nodes and edges for
 * the bare page to draw).
 */
export async function measureStartup(
  browser: Browser,
  appUrl: string,
  bareUrl: string,
  runs: number,
  progress: (line: string) => void = () => {},
): Promise<Startup> {
  const warm = await loadOnce(browser, appUrl, true);
  const bare = `${bareUrl}?nodes=${warm.nodes}&edges=${warm.edges}`;
  await loadOnce(browser, bare, false);
  const results: StartupRun[] = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
    for (const which of order) {
      const marks = await loadOnce(browser, which === 'app' ? appUrl : bare, which === 'app');
      results.push({ page: which, run: i + 1, ...marks });
    }
    const last = results.slice(-2).map((r) => `${r.page} ${round(r.paintedMs ?? NaN, 0)} ms`);
    progress(`  load ${i + 1}/${runs}: ${last.join(', ')}`);
  }
  const appRuns = results.filter((r) => r.page === 'app');
  const bareRuns = results.filter((r) => r.page === 'bare');
  const painted = (xs: readonly StartupRun[]) =>
    xs.map((r) => r.paintedMs).filter((v): v is number => v !== null);
  const sortedApp = painted(appRuns).sort((a, b) => a - b);
  const sortedBare = painted(bareRuns).sort((a, b) => a - b);
  return {
    runsPerPage: runs,
    viewport: VIEWPORT,
    app: pageSummary(appUrl, appRuns),
    bare: pageSummary(bare, bareRuns),
    ratioOfMedians: round(median(sortedApp) / median(sortedBare), 2),
    ratioOfP90: round(quantile(sortedApp, 0.9) / quantile(sortedBare, 0.9), 2),
    ratioOfMins: round((sortedApp[0] ?? NaN) / (sortedBare[0] ?? NaN), 2),
    target: 1.2,
    runs: results,
  };
}

/**
 * One load of `url` (an unminified build with source maps) under the CPU profiler, from navigation to
 * the diagram visible: where the main thread's time goes before the first useful frame.
 */
export async function profileStartup(
  browser: Browser,
  url: string,
  maps: Map<string, SourceMap>,
  needCounter: boolean,
): Promise<Omit<Diagnosis, 'mainThread'>> {
  await loadOnce(browser, url, needCounter); // warm the server and the disk cache
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(pageScript(installStartupProbe, { needCounter, painted: PAINTED }));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const painted = paintedMessage(page);
    await page.goto(url, { waitUntil: 'commit' });
    await painted;
    const { profile } = await cdp.send('Profiler.stop');
    return analyseProfile(profile as unknown as CpuProfile, maps, 20);
  } finally {
    await context.close();
  }
}
