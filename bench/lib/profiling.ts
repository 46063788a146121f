/**
 * Hot spots of a playback run, for `npm run bench:playback -- --profile`: a CPU profile mapped back to
 * the sources through the build's source maps, and the renderer main thread's trace events. Also the
 * light trace every run takes, which tells a long task of the page's own work from one stretched by
 * the machine's load.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, viteBuild } from './processes.ts';
import { round } from './stats.ts';

/** A long task is one over 50 ms (the Long Tasks API's definition). */
export const LONG_TASK_MS = 50;

/** An unminified build of the app with source maps, for readable CPU profiles. */
export const profileBuild = (): Promise<string> =>
  viteBuild(join(tempDir('roundtrip-bench-profile-'), 'dist'), {
    args: ['--minify', 'false', '--sourcemap'],
  });

export interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface HotSpot {
  readonly function: string;
  readonly where: string;
  readonly ms: number;
  readonly pct: number;
}

export interface Diagnosis {
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
export class SourceMap {
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

export function analyseProfile(
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

export interface TraceEvent {
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
export function rendererMainEvents(events: readonly TraceEvent[]): TraceEvent[] {
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
export function traceLongTasks(main: readonly TraceEvent[]): { wallMs: number; cpuMs: number | null }[] {
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
export function mainThreadBreakdown(
  main: readonly TraceEvent[],
  frames: number,
  top = 12,
): Diagnosis['mainThread'] {
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

export function loadSourceMaps(dist: string): Map<string, SourceMap> {
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

export function formatDiagnosis(d: Diagnosis): string {
  const section = (title: string, lines: readonly string[]) =>
    lines.length ? `  ${title}\n${lines.map((l) => `    ${l}`).join('\n')}\n` : '';
  const spots = (xs: readonly HotSpot[]) =>
    xs.map(
      (h) => `${h.ms.toFixed(1).padStart(8)} ms ${h.pct.toFixed(1).padStart(5)}%  ${h.function}  ${h.where}`,
    );
  return (
    section(
      'Self time (share of non-idle samples; "(program)" = native work, split below):',
      spots(d.selfTime),
    ) +
    section('By module (self time):', spots(d.byModule)) +
    section('App functions (src/), inclusive time:', spots(d.appInclusive)) +
    section(
      'Renderer main thread by trace event, self time per frame:',
      d.mainThread.map((e) => `${e.msPerFrame.toFixed(3).padStart(8)} ms/frame  ${e.event} (×${e.count})`),
    )
  );
}
