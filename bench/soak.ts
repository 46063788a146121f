/**
 * Soak: the main view loops a scenario at 4× for 10 minutes (by default) in headless Chromium; after
 * each loop, the JS heap in use after a full GC, DOM nodes and event listeners. The heap must grow by
 * less than 5 MB after the first loop. Writes the `soak` section of bench/results.json and BENCHMARKS.md.
 *
 *   npm run bench:soak                         builds privately, then 10 minutes of first-visit at 4×
 *   npm run bench:soak -- --minutes 2
 *   npm run bench:soak -- --scenario slow-query --lang java --db mysql
 *   npm run bench:soak -- --dist DIR           soak an existing build
 *   npm run bench:soak -- --no-write
 */
import { resolve } from 'node:path';
import { DEFAULT_SCENARIO_ID, DEFAULT_STACK } from '../src/core/index.ts';
import { launchChromium } from './lib/browser.ts';
import { buildApp, preview, runMain } from './lib/processes.ts';
import { startMeta, writeResults } from './lib/results.ts';
import { soak } from './lib/soak.ts';
import { show } from './lib/stats.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

runMain(async () => {
  const minutes = Number(option('--minutes') ?? 10);
  if (!(minutes > 0)) throw new Error('--minutes needs a positive number');
  const scenario = option('--scenario') ?? DEFAULT_SCENARIO_ID;
  const lang = option('--lang') ?? DEFAULT_STACK.lang;
  const db = option('--db') ?? DEFAULT_STACK.db;
  const hash = `#scenario=${scenario}&lang=${lang}&db=${db}&speed=4&pause=none&autoplay=1`;
  const dist = option('--dist');
  const built = dist ? resolve(dist) : await buildApp();
  const server = await preview(built);
  const browser = await launchChromium();
  const meta = startMeta('npm run bench:soak', () => browser.version());
  try {
    process.stdout.write(`Soak: ${hash} for ${minutes} min\n`);
    const result = await soak(browser, server.url, hash, minutes, (l) =>
      process.stdout.write(
        `  loop ${l.loop} (${l.atS} s, ${l.loopS} s): heap ${show(l.heapUsedMb, 2)} MB, ` +
          `${l.domNodes} DOM nodes, ${l.listeners} listeners, ${l.documents} documents\n`,
      ),
    );
    const g = result.growth;
    process.stdout.write(
      `\nHeap growth after the first loop: max ${show(g.maxHeapMb, 2)} MB, at the end ${show(g.lastHeapMb, 2)} MB, ` +
        `trend ${show(g.heapKbPerLoop, 1)} KB/loop; DOM nodes ${g.domNodes ?? '–'}, listeners ${g.listeners ?? '–'} ` +
        `(bar: < ${result.limitMb} MB) → ${result.pass ? 'ok' : 'OVER'}\n`,
    );
    if (result.errors.length) process.stdout.write(`Page errors: ${result.errors.slice(0, 5).join(' | ')}\n`);
    if (!process.argv.includes('--no-write')) {
      await writeResults({ soak: { meta: meta(), ...result } });
      process.stdout.write('Wrote bench/results.json and BENCHMARKS.md\n');
    }
  } finally {
    await browser.close();
    server.stop();
  }
});
