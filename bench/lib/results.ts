/**
 * bench/results.json and BENCHMARKS.md. Each script writes only its own sections and keeps the others,
 * so `npm run bench`, `npm run bench:soak` and `npm run bench:fuzz` can run at different times; the
 * Markdown is always rendered from the whole JSON.
 */
import type { ExportTiming } from './exportsBench.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { CoreCost } from './coreCost.ts';
import type { FirstLoad } from './firstLoad.ts';
import type { FuzzResult } from './fuzz.ts';
import type { RunResult } from './playbackMeasure.ts';
import { ROOT, sourceVersion } from './processes.ts';
import { renderMarkdown } from './report.ts';
import type { SoakResult } from './soak.ts';
import type { Startup } from './startup.ts';
import { round } from './stats.ts';

export const RESULTS_JSON = join(ROOT, 'bench', 'results.json');
export const BENCHMARKS_MD = join(ROOT, 'BENCHMARKS.md');
/** A/B comparisons written by hand (dated, with the load and the commits), kept at the end of BENCHMARKS.md. */
export const COMPARISONS_MD = join(ROOT, 'bench', 'comparisons.md');

/** When and on what a section was measured. */
export interface Meta {
  readonly date: string;
  readonly command: string;
  readonly seconds: number;
  readonly cpus: number;
  readonly node: string;
  readonly chromium: string | null;
  /** 1-, 5- and 15-minute load averages when the section started and ended. */
  readonly loadavg: { readonly start: readonly number[]; readonly end: readonly number[] };
  readonly source: { commit: string | null; srcDirty: boolean | null };
}

export interface Results {
  bundle?: {
    meta: Meta;
    budgetKb: number;
    app: FirstLoad;
    bare: FirstLoad;
  };
  startup?: { meta: Meta } & Startup;
  playback?: {
    meta: Meta;
    options: { runs: number; seconds: number; warmupMs: number };
    runs: readonly RunResult[];
  };
  core?: { meta: Meta } & CoreCost;
  fuzz?: { meta: Meta; runs: number; results: readonly FuzzResult[] };
  soak?: { meta: Meta } & SoakResult;
  exports?: { meta: Meta; scenario: string; timings: readonly ExportTiming[] };
}

const loads = () => loadavg().map((l) => round(l, 2) ?? 0);

/** Starts timing a section; `done()` gives its Meta. */
export function startMeta(command: string, chromium: () => string | null = () => null): () => Meta {
  const started = new Date();
  const start = loads();
  return () => ({
    date: started.toISOString(),
    command,
    seconds: Math.round((Date.now() - started.getTime()) / 1000),
    cpus: cpus().length,
    node: process.version,
    chromium: chromium(),
    loadavg: { start, end: loads() },
    source: sourceVersion(),
  });
}

export function readResults(): Results {
  if (!existsSync(RESULTS_JSON)) return {};
  try {
    return JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Results;
  } catch {
    return {};
  }
}

/** Writes a file as Prettier would format it (the repository's style), so `prettier --check` stays clean. */
export async function writeFormatted(path: string, text: string): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(text, { ...options, filepath: path }));
}

/** Merges `sections` into bench/results.json and rewrites BENCHMARKS.md from the whole. */
export async function writeResults(sections: Results): Promise<Results> {
  const results: Results = { ...readResults(), ...sections };
  const ordered: Results = {};
  for (const key of ['bundle', 'startup', 'playback', 'exports', 'core', 'fuzz', 'soak'] as const)
    if (results[key]) Object.assign(ordered, { [key]: results[key] });
  await writeFormatted(RESULTS_JSON, JSON.stringify(ordered, null, 2));
  const byHand = existsSync(COMPARISONS_MD) ? readFileSync(COMPARISONS_MD, 'utf8') : '';
  await writeFormatted(BENCHMARKS_MD, renderMarkdown(ordered, byHand));
  return ordered;
}
