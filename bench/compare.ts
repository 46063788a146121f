/**
 * A/B comparison of two or more builds in the same minutes, interleaved, for a machine whose load moves:
 * playback main-thread time per frame (CPU time first: `cpu` is the renderer main thread's ThreadTime,
 * which waiting for a core does not inflate) and time to diagram. Nothing is written; it prints a table.
 *
 *   npm run bench:compare -- --dist /path/old/dist --dist dist            playback, 1920×1080 cases
 *   npm run bench:compare -- --dist A --dist B --only 4x --runs 3 --seconds 8
 *   npm run bench:compare -- --dist A --dist B --startup 12               time to diagram (camera=whole)
 *   npm run bench:compare -- --dist A --dist B --startup 12 --bare        … with the bare React Flow page in
 *                                                                        the same loop: each build's ratio
 *
 * Each dist is served by its own `vite preview`; for each run, each case is measured on every build in
 * turn (the order alternates run by run: A B, then B A), so a burst of load falls on both.
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from './lib/browser.ts';
import { VIEWPORTS, casesOf } from './lib/playbackCases.ts';
import { measure } from './lib/playbackMeasure.ts';
import type { RunResult } from './lib/playbackMeasure.ts';
import { preview, ROOT, runMain, tempDir, viteBuild } from './lib/processes.ts';
import type { Server } from './lib/processes.ts';
import { loadOnce } from './lib/startup.ts';
import { median, quantile, round } from './lib/stats.ts';

function parseOptions(argv: readonly string[]) {
  const all = (name: string) =>
    argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1] ?? ''] : []));
  const value = (name: string) => all(name)[0];
  const dists = all('--dist').map((d) => resolve(d));
  if (dists.length < 2) throw new Error('give two or more builds: --dist A --dist B');
  return {
    dists,
    runs: Number(value('--runs') ?? 2),
    seconds: Number(value('--seconds') ?? 8),
    only: value('--only') ?? null,
    startup: value('--startup') === undefined ? 0 : Number(value('--startup')),
    bare: argv.includes('--bare'),
  };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const log = (line: string) => process.stdout.write(`${line}\n`);

runMain(async () => {
  const options = parseOptions(process.argv.slice(2));
  const servers: Server[] = [];
  const browser = await launchChromium();
  try {
    for (const dist of options.dists) servers.push(await preview(dist));
    const names = options.dists.map((d, i) => `${String.fromCharCode(65 + i)}=${d}`);
    log(`Builds: ${names.join(', ')}; load ${load()}`);
    const order = (run: number) => (run % 2 ? servers.map((_, i) => i) : servers.map((_, i) => i).reverse());

    if (options.startup > 0) {
      // The pages: each build's main view, and with --bare the bare React Flow page drawing as many nodes and edges.
      const pages = servers.map((server, i) => ({
        name: String.fromCharCode(65 + i),
        url: `${server.url}#camera=whole`,
        app: true,
      }));
      if (options.bare) {
        const warm = await loadOnce(browser, pages[0]?.url ?? '', true);
        const config = join(ROOT, 'bench', 'fixtures', 'bare-flow', 'vite.config.ts');
        const bare = await preview(
          await viteBuild(join(tempDir('roundtrip-bench-bare-'), 'dist'), { config }),
        );
        servers.push(bare);
        pages.push({ name: 'bare', url: `${bare.url}?nodes=${warm.nodes}&edges=${warm.edges}`, app: false });
      }
      const times: number[][] = pages.map(() => []);
      for (let run = 1; run <= options.startup; run++) {
        // Rotating order (A B bare, B bare A, …) so a burst of load falls on every page alike.
        for (let k = 0; k < pages.length; k++) {
          const i = (run + k) % pages.length;
          const page = pages[i];
          if (!page) continue;
          const marks = await loadOnce(browser, page.url, page.app);
          if (marks.paintedMs !== null) times[i]?.push(marks.paintedMs);
        }
        log(
          `  load ${run}: ${pages.map((p, i) => `${p.name} ${Math.round(times[i]?.at(-1) ?? NaN)} ms`).join(', ')}`,
        );
      }
      log(`Time to diagram (painted, ${options.startup} loads each), load ${load()}:`);
      const sorted = times.map((t) => [...t].sort((a, b) => a - b));
      const bareTimes = options.bare ? (sorted.at(-1) ?? []) : null;
      sorted.forEach((t, i) => {
        const ratio =
          bareTimes && pages[i]?.app
            ? `; ${round(median(t) / median(bareTimes), 2)}× the bare page (p90 ${round(quantile(t, 0.9) / quantile(bareTimes, 0.9), 2)}×)`
            : '';
        log(
          `  ${pages[i]?.name ?? '?'}: median ${round(median(t), 0)} ms, p90 ${round(quantile(t, 0.9), 0)} ms, min ${Math.round(t[0] ?? NaN)} ms${ratio}`,
        );
      });
      return;
    }

    // first-visit on the default stack and on Ruby + MySQL (the largest timeline before the scenarios of
    // issue 12): both exist in every build since November, so old and new builds play the same steps.
    const cases = casesOf(
      [
        { name: 'first-visit', scenario: 'first-visit', lang: 'node', db: 'postgres', steps: 0 },
        { name: 'first-visit', scenario: 'first-visit', lang: 'ruby', db: 'mysql', steps: 0 },
      ],
      VIEWPORTS.slice(0, 1),
      options.only,
    );
    const rows: { build: number; result: RunResult }[] = [];
    for (let run = 1; run <= options.runs; run++)
      for (const c of cases)
        for (const i of order(run)) {
          const { result } = await measure(
            browser,
            servers[i]?.url ?? '',
            c,
            run,
            { warmupMs: 1000, seconds: options.seconds },
            null,
          );
          rows.push({ build: i, result });
          log(
            `  ${String.fromCharCode(65 + i)} ${c.label} run ${run}: cpu ${result.perFrameMs.threadCpu} ms/frame, ` +
              `task ${result.perFrameMs.task}, script ${result.perFrameMs.script}, p95 ${result.intervalMs.p95}, ` +
              `${result.perFrameCount.styleRecalcs} style recalcs and ${result.perFrameCount.layouts} layouts/frame, load ${load()}`,
          );
        }
    log(
      '\nMedian per case (ms per frame: cpu / task / script / layout / style; style recalcs, layouts per frame):',
    );
    for (const c of cases)
      servers.forEach((_, i) => {
        const mine = rows
          .filter((r) => r.build === i && r.result.case === c.label)
          .map((r) => r.result.perFrameMs);
        const m = (k: keyof RunResult['perFrameMs']) => round(median(mine.map((p) => p[k] ?? NaN)), 2);
        const counts = rows
          .filter((r) => r.build === i && r.result.case === c.label)
          .map((r) => r.result.perFrameCount);
        const n = (k: keyof RunResult['perFrameCount']) => round(median(counts.map((p) => p[k] ?? NaN)), 2);
        log(
          `  ${String.fromCharCode(65 + i)} ${c.label}: ${m('threadCpu')} / ${m('task')} / ${m('script')} / ${m('layout')} / ${m('style')}; ${n('styleRecalcs')}, ${n('layouts')}`,
        );
      });
  } finally {
    await browser.close();
    for (const server of servers) server.stop();
  }
});
