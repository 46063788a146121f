/** The human side of bench/results.json: the summary table printed by `npm run bench`, and BENCHMARKS.md. */
import { coreRows, coreScalingLine } from './coreCost.ts';
import type { FirstLoad } from './firstLoad.ts';
import type { RunResult } from './playbackMeasure.ts';
import { RUN_COLUMNS, runCells } from './playbackReport.ts';
import { FRAME_BUDGET_P95_MS } from './playbackMeasure.ts';
import type { Meta, Results } from './results.ts';
import { grouped, markdownTable, median, show } from './stats.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number | null | undefined) => `${show(n, 0)} ms`;
const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? 'ok' : 'OVER');

/** Playback runs grouped by case: worst p95, worst max, long tasks, median main-thread ms per frame. */
function byCase(runs: readonly RunResult[]) {
  const cases = new Map<string, RunResult[]>();
  for (const r of runs) cases.set(r.case, [...(cases.get(r.case) ?? []), r]);
  return [...cases].map(([name, rs]) => ({
    name,
    runs: rs.length,
    median: median(rs.map((r) => r.intervalMs.median ?? NaN)),
    p95: Math.max(...rs.map((r) => r.intervalMs.p95 ?? NaN)),
    max: Math.max(...rs.map((r) => r.intervalMs.max ?? NaN)),
    longTasks: rs.reduce((n, r) => n + r.longTasks.count, 0),
    longTaskCpu: Math.max(0, ...rs.map((r) => r.longTasks.maxCpuMs ?? 0)),
    task: median(rs.map((r) => r.perFrameMs.task ?? NaN)),
    cpu: median(rs.map((r) => r.perFrameMs.threadCpu ?? NaN)),
    load: median(rs.map((r) => r.loadavg[0])),
  }));
}

/** One row per figure: what, the figure, the bar, ok / OVER. */
export function summaryRows(results: Results): string[][] {
  const rows: string[][] = [];
  const { bundle, startup, playback, core, fuzz, soak, exports } = results;
  if (bundle) {
    const js = bundle.app.totals.jsGzipBytes;
    rows.push([
      'First-load JS, gzip',
      kb(js),
      `≤ ${bundle.budgetKb} KB`,
      verdict(js / 1024 <= bundle.budgetKb),
    ]);
    rows.push(['First-load CSS, gzip', kb(bundle.app.totals.cssGzipBytes), '', '']);
    for (const lazy of bundle.app.lazy) rows.push([`Lazy chunk ${lazy.file}`, kb(lazy.gzipBytes), '', '']);
    rows.push(['Bare React Flow JS, gzip (reference)', kb(bundle.bare.totals.jsGzipBytes), '', '']);
  }
  if (startup) {
    const line = (name: string, s: typeof startup.app) => [
      name,
      `${ms(s.paintedMs.median)} (p90 ${ms(s.paintedMs.p90)}, min ${ms(s.paintedMs.min)})`,
      '',
      '',
    ];
    rows.push(line(`Time to diagram: app (${startup.runsPerPage} loads)`, startup.app));
    rows.push(line(`Time to diagram: bare React Flow`, startup.bare));
    rows.push([
      'Time to diagram: app / bare, medians',
      `${show(startup.ratioOfMedians, 2)}× (p90 ${show(startup.ratioOfP90, 2)}×, min ${show(startup.ratioOfMins, 2)}×)`,
      `≤ ${startup.target}×`,
      verdict(startup.ratioOfMedians === null ? null : startup.ratioOfMedians <= startup.target),
    ]);
  }
  if (playback)
    for (const c of byCase(playback.runs))
      rows.push([
        `Frames: ${c.name}`,
        `p95 ${show(c.p95)} ms, max ${show(c.max, 0)}, ${c.longTasks} long, ${show(c.task, 1)} ms/frame`,
        `p95 ≤ ${FRAME_BUDGET_P95_MS}, 0 long`,
        verdict(c.p95 <= FRAME_BUDGET_P95_MS && c.longTasks === 0),
      ]);
  if (core) {
    for (const s of core.sizes)
      rows.push([
        `Core: ${s.label} (${grouped(s.steps)} steps)`,
        `build ${show(s.buildMs, (s.buildMs ?? 0) < 1 ? 3 : 1)} ms = ${show(s.buildNsPerStep, 0)} ns/step; seek ${show(s.seekNs, 0)} ns`,
        '',
        '',
      ]);
    const s = core.scaling;
    rows.push([
      'Core: ×' + grouped(s.stepsRatio ?? NaN) + ' steps',
      `marginal build ${show(s.marginalNsPerStep.small, 0)} → ${show(s.marginalNsPerStep.large, 0)} ns/step; seek ×${show(s.seekRatio, 2)}`,
      'linear; log',
      '',
    ]);
  }
  if (fuzz)
    for (const f of fuzz.results)
      rows.push([
        `Fuzz: ${f.name}`,
        `${grouped(f.runs)} inputs, ${f.failed ? 'FAILED' : '0 failures'}, ${grouped(f.perSecond)}/s`,
        'no failure',
        verdict(!f.failed && f.prototypeClean),
      ]);
  if (exports)
    for (const t of exports.timings)
      rows.push([
        `Export ${exports.scenario}: ${t.item} (${t.size})`,
        `${show(t.ms / 1000, 1)} s${t.bytes === null ? '' : `, ${kb(t.bytes)}`}`,
        t.item === 'GIF' ? '< 8 MB' : '',
        t.item === 'GIF' ? verdict(t.bytes !== null && t.bytes < 8 * 1024 * 1024) : '',
      ]);
  if (soak)
    rows.push([
      `Soak: ${soak.loops.length} loops in ${soak.minutes} min`,
      `heap +${show(soak.growth.maxHeapMb, 2)} MB max (${show(soak.growth.heapKbPerLoop, 1)} KB/loop), ` +
        `DOM nodes ${signed(soak.growth.domNodes)}, listeners ${signed(soak.growth.listeners)}`,
      `< ${soak.limitMb} MB`,
      verdict(soak.pass),
    ]);
  return rows;
}

const signed = (n: number | null) => (n === null ? '–' : n > 0 ? `+${n}` : String(n));

function metaLine(meta: Meta): string {
  const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const source = meta.source.commit
    ? `commit ${meta.source.commit}${meta.source.srcDirty ? ' with uncommitted changes in src/' : ''}`
    : 'unknown commit';
  return (
    `_Measured ${meta.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} by \`${meta.command}\` in ${meta.seconds} s ` +
    `on ${meta.cpus} CPUs (Node ${meta.node}${meta.chromium ? `, Chromium ${meta.chromium}` : ''}), ${source}; ` +
    `load average (1/5/15 min) ${load(meta.loadavg.start)} at the start, ${load(meta.loadavg.end)} at the end._`
  );
}

function assetTable(load: FirstLoad): string {
  return markdownTable(
    ['file', 'loaded', 'bytes', 'gzip'],
    [...load.initial, ...load.lazy].map((a) => [
      `\`${a.file}\``,
      a.kind === 'lazy' ? 'lazy (on demand)' : `first load (${a.kind})`,
      grouped(a.bytes),
      kb(a.gzipBytes),
    ]),
  );
}

/** BENCHMARKS.md; `byHand`, the comparisons written by hand (bench/comparisons.md), goes at its end as it is. */
export function renderMarkdown(results: Results, byHand = ''): string {
  const { bundle, startup, playback, core, fuzz, soak } = results;
  const out: string[] = [
    '# Benchmarks',
    '',
    'Written by the benchmark scripts from `bench/results.json`; do not edit by hand. A benchmark is not a test:',
    'this 2-core machine is shared, so timings move with its load (quoted with each section). Only the bundle',
    'budget is deterministic, and `npm test` checks it (`tests/e2e/budget.spec.ts`).',
    '',
    '```sh',
    'npm run bench                 # build, bundle, time to diagram, playback frames, core cost, fuzz (~6 min)',
    'npm run bench -- --only startup,playback   # re-run some sections, keep the others',
    'npm run bench:soak            # 10 minutes of looping at 4× (--minutes N)',
    'npm run bench:fuzz            # a million hostile inputs per parser and arbitrary (--runs N)',
    'npm run bench:core            # core cost only; npm run bench:playback  # playback only (every viewport)',
    'npm run bench:compare -- --dist A --dist B   # two builds interleaved: playback (or --startup N)',
    '```',
    '',
    '## Summary',
    '',
    markdownTable(['measure', 'figure', 'bar', ''], summaryRows(results), () => true),
    '',
  ];
  if (bundle)
    out.push(
      '## First load of the main view',
      '',
      metaLine(bundle.meta),
      '',
      'What `index.html` makes the browser fetch before the app runs (its module script, module preloads and',
      'stylesheets, and anything those scripts import statically), gzip -6. Lazy chunks load on demand.',
      '',
      assetTable(bundle.app),
      '',
      `JavaScript ${kb(bundle.app.totals.jsGzipBytes)} gzip (${grouped(bundle.app.totals.jsBytes)} bytes) against a ` +
        `budget of ${bundle.budgetKb} KB; CSS ${kb(bundle.app.totals.cssGzipBytes)}. ` +
        (bundle.app.notPreloaded.length
          ? `Statically imported but not preloaded: ${bundle.app.notPreloaded.join(', ')}. `
          : '') +
        `The bare React Flow page (same toolchain): JavaScript ${kb(bundle.bare.totals.jsGzipBytes)}, ` +
        `CSS ${kb(bundle.bare.totals.cssGzipBytes)}.`,
      '',
    );
  if (startup) {
    const row = (name: string, s: typeof startup.app) => [
      name,
      `${s.nodes} / ${s.edges}`,
      ms(s.paintedMs.median),
      ms(s.paintedMs.p90),
      ms(s.paintedMs.min),
      ms(s.paintedMs.max),
      ms(s.nodeInDomMs.median),
      ms(s.fcpMs.median),
    ];
    out.push(
      '## Time from navigation to the diagram',
      '',
      metaLine(startup.meta),
      '',
      `Each page loaded ${startup.runsPerPage} times in a fresh headless Chromium context at ` +
        `${startup.viewport.width}×${startup.viewport.height}, alternating app and bare page (ABBA), after one ` +
        'untimed load of each. A probe injected before any page script checks in every animation frame ' +
        'whether every `.react-flow__node` is laid out inside the window with `visibility: visible` (React ' +
        'Flow hides nodes until measured and fitted), an edge is drawn and, in the app, the status line ' +
        'reads "Step 1 of"; the figure is when a message posted from that frame arrives, i.e. after the ' +
        'frame that shows the diagram was rendered (`performance.now()`, from navigation start); the ' +
        'harness learns it from a console message and evaluates nothing in the page while it starts. The bare ' +
        'page (`bench/fixtures/bare-flow`) draws as many nodes and edges with React Flow’s default styles.',
      '',
      markdownTable(
        [
          'page',
          'nodes / edges',
          'median',
          'p90',
          'min',
          'max',
          'first node in DOM',
          'first contentful paint',
        ],
        [row('app (main view)', startup.app), row('bare React Flow', startup.bare)],
      ),
      '',
      `Ratio of medians **${show(startup.ratioOfMedians, 2)}×** (target ≤ ${startup.target}×); ratio of p90 ` +
        `${show(startup.ratioOfP90, 2)}×, of the fastest loads ${show(startup.ratioOfMins, 2)}×.`,
      '',
    );
  }
  if (playback) {
    out.push(
      '## Playback frames',
      '',
      metaLine(playback.meta),
      '',
      `Each case ${playback.options.runs} runs of ${playback.options.seconds} s after ${playback.options.warmupMs} ms of ` +
        'playing (`pause=none&autoplay=1`; Play is pressed again at the end). Frame intervals from a ' +
        'requestAnimationFrame loop (headless Chromium’s clock is 60 Hz: 16.7 ms means no frame missed); ' +
        'long tasks from PerformanceObserver; main-thread ms per frame from the DevTools protocol’s ' +
        'Performance metrics (wall time, so it includes waiting for a core on a loaded machine; `cpu` is ' +
        'the thread’s CPU time). `lt cpu`: the most CPU time any task over 50 ms used (far under 50: the ' +
        `machine's load stretched it). Bar: p95 ≤ ${FRAME_BUDGET_P95_MS} ms, no long task.`,
      '',
      markdownTable(
        [...RUN_COLUMNS, 'load1'],
        playback.runs.map((r) => [...runCells(r), show(r.loadavg[0], 2)]),
      ),
      '',
    );
  }
  if (core) {
    const { header, rows } = coreRows(core);
    out.push(
      '## Core cost as work grows',
      '',
      metaLine(core.meta),
      '',
      'Generated many-requests timelines (10 steps a request over one connection, 8 to connect) and first-visit.',
      '`build`: median wall time of `buildTimeline`; `gc`: share of it spent collecting garbage; `seek`:',
      '`seekTime` to a scattered moment (binary search); `frame`: `tick(16.7 ms)` + `packetsInFlight`, what',
      'the store does each frame; `nodeStateAt`: what the machines know at a step (the step details, on each',
      'step change), which replays every change up to the step.',
      '',
      markdownTable(header, rows),
      '',
      coreScalingLine(core) + '.',
      '',
    );
  }
  if (fuzz)
    out.push(
      '## Hostile inputs at scale',
      '',
      metaLine(fuzz.meta),
      '',
      'fast-check runs of the property tests’ own arbitraries (`tests/support/hostileInputs.ts`) and of two',
      'structured ones (`bench/lib/fuzz.ts`: real parameter names and command shapes with hostile values). The',
      'property: no throw; `parseHash` gives a complete state that `formatHash` round-trips without problems;',
      '`parseCommand` gives null or a well-formed command; `Object.prototype` untouched. `check µs`: time in the',
      'parser and the property per input.',
      '',
      markdownTable(
        ['target', 'arbitrary from', 'inputs', 'seed', 'seconds', 'inputs/s', 'check µs', 'result'],
        fuzz.results.map((f) => [
          f.name,
          `\`${f.source}\``,
          grouped(f.runs),
          String(f.seed),
          show(f.seconds, 1),
          grouped(f.perSecond),
          show(f.checkUs, 2),
          f.failed
            ? `FAILED: ${f.failure?.error ?? ''} on ${f.failure?.counterexample ?? ''} (path ${f.failure?.path ?? '?'})`
            : f.prototypeClean
              ? 'no failure'
              : 'Object.prototype changed',
        ]),
        (column) => column <= 1,
      ),
      '',
    );
  if (soak) {
    const every = Math.max(1, Math.ceil(soak.loops.length / 20));
    const shown = soak.loops.filter((l, i) => i % every === 0 || l === soak.loops.at(-1));
    const first = soak.loops[0];
    out.push(
      '## Soak',
      '',
      metaLine(soak.meta),
      '',
      `\`${soak.url.replace(/^https?:\/\/[^/]+\//, '/')}\` played in a loop for ${soak.minutes} min (Play pressed at the end). ` +
        'After each loop, with playback stopped at the end: two full garbage collections, then the JS heap in use ' +
        '(CDP Runtime.getHeapUsage) and the DOM counters (Memory.getDOMCounters). Growth counts from the first ' +
        `loop. Bar: under ${soak.limitMb} MB.`,
      '',
      `**${soak.pass ? 'Within the bar' : 'Over the bar'}**: heap +${show(soak.growth.maxHeapMb, 2)} MB at most ` +
        `(+${show(soak.growth.lastHeapMb, 2)} MB at the end; trend ${show(soak.growth.heapKbPerLoop, 1)} KB a loop), ` +
        `DOM nodes ${signed(soak.growth.domNodes)}, event listeners ${signed(soak.growth.listeners)} over ` +
        `${soak.loops.length} loops.` +
        (soak.errors.length ? ` Page errors: ${soak.errors.slice(0, 3).join(' | ')}` : ''),
      '',
      markdownTable(
        [
          'loop',
          'at',
          'loop s',
          'heap used MB',
          'Δ heap MB',
          'heap total MB',
          'DOM nodes',
          'listeners',
          'documents',
        ],
        shown.map((l) => [
          String(l.loop),
          `${l.atS} s`,
          show(l.loopS, 1),
          show(l.heapUsedMb, 2),
          first ? show(l.heapUsedMb - first.heapUsedMb, 2) : '–',
          show(l.heapTotalMb, 2),
          String(l.domNodes),
          String(l.listeners),
          String(l.documents),
        ]),
      ),
      '',
    );
  }
  if (byHand.trim()) out.push(byHand.trim(), '');
  return `${out.join('\n')}\n`.replace(/\n{3,}/g, '\n\n');
}
