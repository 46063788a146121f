/**
 * Soak: the main view plays one scenario over and over at 4× (`pause=none&autoplay=1`; the hash has no
 * loop option, so Play is pressed at the end, which starts again at step 1). After each loop, with
 * playback stopped at the end, a full garbage collection (CDP HeapProfiler.collectGarbage, twice) and
 * then the JavaScript heap in use (Runtime.getHeapUsage) and the DOM counters (Memory.getDOMCounters:
 * documents, nodes, JS event listeners). Growth is measured from the end of the first loop, when
 * everything the app loads once (motion's features, fonts, caches) is in.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { sleep } from './processes.ts';
import { round } from './stats.ts';

export interface SoakLoop {
  readonly loop: number;
  /** Seconds since the page was opened, when the loop ended. */
  readonly atS: number;
  readonly loopS: number;
  readonly heapUsedMb: number;
  readonly heapTotalMb: number;
  readonly domNodes: number;
  readonly listeners: number;
  readonly documents: number;
}

export interface SoakResult {
  readonly url: string;
  readonly minutes: number;
  readonly loops: readonly SoakLoop[];
  /** Bar: heap growth after the first loop under 5 MB. */
  readonly limitMb: number;
  readonly growth: {
    /** The largest heap in use at a loop's end, minus the first loop's. */
    readonly maxHeapMb: number | null;
    readonly lastHeapMb: number | null;
    /** Least-squares slope of heap in use over loops 2…n, KB per loop (a leak shows as a steady slope). */
    readonly heapKbPerLoop: number | null;
    readonly domNodes: number | null;
    readonly listeners: number | null;
  };
  readonly pass: boolean;
  readonly errors: readonly string[];
}

const MB = 1024 * 1024;

async function sample(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { heap, dom };
}

const playLabel = (page: Page) => page.locator('button.rt-play').getAttribute('aria-label');

/** Waits until playback has stopped at the end (the button offers Play again). */
async function waitForEnd(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('button.rt-play')?.getAttribute('aria-label') === 'Play',
    null,
    { timeout: timeoutMs, polling: 100 },
  );
}

function slope(ys: readonly number[]): number | null {
  if (ys.length < 2) return null;
  const n = ys.length;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

/** Plays `hash` in a loop for `minutes` (finishing the loop under way), sampling after each loop. */
export async function soak(
  browser: Browser,
  baseUrl: string,
  hash: string,
  minutes: number,
  progress: (loop: SoakLoop) => void = () => {},
): Promise<SoakResult> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  const loops: SoakLoop[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const cdp = await context.newCDPSession(page);
    const opened = Date.now();
    await page.goto(`${baseUrl}${hash}`);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 30_000 });
    const deadline = opened + minutes * 60_000;
    let loopStarted = Date.now();
    // A loop of first-visit at 4× lasts about 10 s; allow a slow machine ten times that.
    for (let loop = 1; ; loop++) {
      await waitForEnd(page, 120_000);
      const ended = Date.now();
      const { heap, dom } = await sample(cdp);
      const entry: SoakLoop = {
        loop,
        atS: Math.round((ended - opened) / 1000),
        loopS: round((ended - loopStarted) / 1000, 1) ?? 0,
        heapUsedMb: round(heap.usedSize / MB, 2) ?? 0,
        heapTotalMb: round(heap.totalSize / MB, 2) ?? 0,
        domNodes: dom.nodes,
        listeners: dom.jsEventListeners,
        documents: dom.documents,
      };
      loops.push(entry);
      progress(entry);
      if (Date.now() >= deadline) break;
      loopStarted = Date.now();
      await page.locator('button.rt-play').click();
      // Wait for it to be playing again before looking for the next end.
      for (let i = 0; i < 50 && (await playLabel(page)) !== 'Pause'; i++) await sleep(100);
    }
  } finally {
    await context.close();
  }
  const first = loops[0];
  const after = loops.slice(1);
  const maxHeap =
    after.length && first ? Math.max(...after.map((l) => l.heapUsedMb)) - first.heapUsedMb : null;
  const last = loops.at(-1);
  const growth = {
    maxHeapMb: maxHeap === null ? null : round(maxHeap, 2),
    lastHeapMb: last && first ? round(last.heapUsedMb - first.heapUsedMb, 2) : null,
    heapKbPerLoop: ((s) => (s === null ? null : round(s * 1024, 1)))(slope(after.map((l) => l.heapUsedMb))),
    domNodes: last && first ? last.domNodes - first.domNodes : null,
    listeners: last && first ? last.listeners - first.listeners : null,
  };
  return {
    url: `${baseUrl}${hash}`,
    minutes,
    loops,
    limitMb: 5,
    growth,
    pass: loops.length >= 2 && (growth.maxHeapMb ?? Infinity) < 5 && errors.length === 0,
    errors,
  };
}
