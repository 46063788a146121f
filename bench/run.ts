/**
 * `npm run bench`: builds the app and the bare React Flow fixture (each into a private temporary
 * directory), then measures, in this order so the browser work comes last:
 *
 *   bundle    first-load JS and CSS of the main view, gzip, and the lazy chunks (budget 200 KB of JS)
 *   core      timeline build and seek cost at ~10, ~1,000 and ~100,000 steps
 *   fuzz      hostile inputs for the hash parser and the postMessage validator (1,000,000 each)
 *   startup   navigation → diagram visible, app vs bare React Flow, 15 loads each, ratio of medians
 *   playback  frame intervals, long tasks, main-thread ms per frame at 1× and 4×, default and largest
 *   exports   each Export menu item for first-visit (Python + MySQL, every step): seconds and bytes
 *
 * and writes bench/results.json and BENCHMARKS.md (keeping sections it did not run, such as the soak of
 * `npm run bench:soak`), then prints a summary table. About 6 minutes on this 2-core machine.
 *
 *   npm run bench -- --only startup,playback     re-run some sections
 *   npm run bench -- --fuzz 100000               fewer fuzz inputs (0 skips the section)
 *   npm run bench -- --startup-runs 25 --playback-runs 3 --seconds 10
 *   npm run bench -- --only startup --profile    then one CPU-profiled load of each page (unminified
 *                                                build with source maps): where startup time goes
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { launchChromium } from './lib/browser.ts';
import { measureCoreCost } from './lib/coreCost.ts';
import { FIRST_LOAD_BUDGET_KB as BUDGET_KB, firstLoad } from './lib/firstLoad.ts';
import { fuzzAll } from './lib/fuzzAll.ts';
import { measureExports } from './lib/exportsBench.ts';
import { VIEWPORTS, buildCases } from './lib/playbackCases.ts';
import { measure } from './lib/playbackMeasure.ts';
import type { RunResult } from './lib/playbackMeasure.ts';
import { ROOT, buildApp, preview, runMain, tempDir, viteBuild } from './lib/processes.ts';
import type { Server } from './lib/processes.ts';
import { summaryRows } from './lib/report.ts';
import type { Results } from './lib/results.ts';
import { startMeta, writeResults } from './lib/results.ts';
import { measureStartup, profileStartup } from './lib/startup.ts';
import { formatDiagnosis, loadSourceMaps, profileBuild } from './lib/profiling.ts';
import { textTable } from './lib/stats.ts';

const SECTIONS = ['bundle', 'core', 'fuzz', 'startup', 'playback', 'exports'] as const;
type Section = (typeof SECTIONS)[number];
const BARE_CONFIG = join(ROOT, 'bench', 'fixtures', 'bare-flow', 'vite.config.ts');

function parseOptions(argv: readonly string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number, min = 1) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!(n >= min)) throw new Error(`${name} needs a number ≥ ${min}, not "${raw}"`);
    return n;
  };
  if (argv.includes('--help')) {
    process.stdout.write(
      `Usage: npm run bench -- [--only ${SECTIONS.join(',')}] [--fuzz N=1000000] [--startup-runs N=15] ` +
        '[--playback-runs N=2] [--seconds S=10] [--profile]\n',
    );
    process.exit(0);
  }
  const only = value('--only')?.split(',') ?? [...SECTIONS];
  for (const s of only)
    if (!SECTIONS.includes(s as Section)) throw new Error(`unknown section "${s}" (${SECTIONS.join(', ')})`);
  const fuzz = Math.round(number('--fuzz', 1_000_000, 0));
  return {
    sections: new Set(only.filter((s) => s !== 'fuzz' || fuzz > 0) as Section[]),
    fuzz,
    startupRuns: Math.round(number('--startup-runs', 15)),
    playbackRuns: Math.round(number('--playback-runs', 2)),
    seconds: number('--seconds', 10),
    profile: argv.includes('--profile'),
  };
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/** One CPU-profiled load of the app and of the bare page, both unminified with source maps. */
async function profileBoth(browser: Browser, bareQuery: string): Promise<void> {
  const appDist = await profileBuild();
  const bareDist = await viteBuild(join(tempDir('roundtrip-bench-bare-profile-'), 'dist'), {
    config: BARE_CONFIG,
    args: ['--minify', 'false', '--sourcemap'],
  });
  for (const [name, dist, query, needCounter] of [
    ['app', appDist, '', true],
    ['bare React Flow', bareDist, bareQuery, false],
  ] as const) {
    const server = await preview(dist);
    try {
      const diagnosis = await profileStartup(
        browser,
        `${server.url}${query}`,
        loadSourceMaps(dist),
        needCounter,
      );
      log(`\nStartup of the ${name} page, navigation → diagram (profiled, unminified):`);
      log(formatDiagnosis({ ...diagnosis, mainThread: [] }).trimEnd());
    } finally {
      server.stop();
    }
  }
}

runMain(async () => {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const has = (s: Section) => options.sections.has(s);
  const results: Results = {};

  log('Building the app and the bare React Flow fixture…');
  const app = await buildApp();
  const bare = await viteBuild(join(tempDir('roundtrip-bench-bare-'), 'dist'), { config: BARE_CONFIG });

  if (has('bundle')) {
    const meta = startMeta('npm run bench');
    results.bundle = { meta: meta(), budgetKb: BUDGET_KB, app: firstLoad(app), bare: firstLoad(bare) };
    log(`Bundle: first-load JS ${(results.bundle.app.totals.jsGzipBytes / 1024).toFixed(1)} KB gzip`);
  }
  if (has('core')) {
    log('Core cost (~30 s)…');
    const meta = startMeta('npm run bench');
    const cost = await measureCoreCost();
    results.core = { meta: meta(), ...cost };
  }
  if (has('fuzz')) {
    log(`Fuzz: ${options.fuzz.toLocaleString('en-US')} inputs per target…`);
    const meta = startMeta('npm run bench');
    const fuzz = fuzzAll(options.fuzz, null, log);
    results.fuzz = { meta: meta(), runs: options.fuzz, results: fuzz };
  }

  if (has('startup') || has('playback') || has('exports')) {
    let browser: Browser | null = null;
    const servers: Server[] = [];
    try {
      browser = await launchChromium();
      const version = browser.version();
      const appServer = await preview(app);
      servers.push(appServer);
      if (has('startup')) {
        const bareServer = await preview(bare);
        servers.push(bareServer);
        log(`Time to diagram: ${options.startupRuns} loads of each page…`);
        const meta = startMeta('npm run bench', () => version);
        const startup = await measureStartup(
          browser,
          // The whole journey, as the bare page shows its graph (the follow camera opens on the first hop).
          `${appServer.url}#camera=whole`,
          bareServer.url,
          options.startupRuns,
          log,
        );
        results.startup = { meta: meta(), ...startup };
        if (options.profile) await profileBoth(browser, startup.bare.url.replace(bareServer.url, ''));
      }
      if (has('playback')) {
        const cases = buildCases(null, VIEWPORTS.slice(0, 1));
        log(`Playback: ${cases.length} cases × ${options.playbackRuns} runs × ${options.seconds} s…`);
        const meta = startMeta('npm run bench', () => version);
        const rows: RunResult[] = [];
        const measureOptions = { warmupMs: 1000, seconds: options.seconds };
        for (let run = 1; run <= options.playbackRuns; run++)
          for (const c of cases) {
            const { result } = await measure(browser, appServer.url, c, run, measureOptions, null);
            rows.push(result);
            log(
              `  ${c.label} run ${run}: p95 ${result.intervalMs.p95} ms, ${result.longTasks.count} long tasks, ` +
                `${result.perFrameMs.task} ms/frame`,
            );
          }
        results.playback = {
          meta: meta(),
          options: { runs: options.playbackRuns, ...measureOptions },
          runs: rows,
        };
      }
      if (has('exports')) {
        log('Exports of first-visit (Python + MySQL, every step), from the menu…');
        const meta = startMeta('npm run bench', () => version);
        const timings = await measureExports(browser, appServer.url, log);
        results.exports = { meta: meta(), scenario: 'first-visit', timings };
      }
    } finally {
      await browser?.close();
      for (const server of servers) server.stop();
    }
  }

  const all = await writeResults(results);
  log(`\n${textTable(['measure', 'figure', 'bar', ''], summaryRows(all), () => true)}`);
  log(
    `\nWrote bench/results.json and BENCHMARKS.md in ${Math.round((Date.now() - started) / 1000)} s` +
      (all.soak ? '' : '; the soak is separate: npm run bench:soak'),
  );
});
