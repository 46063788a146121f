import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIRST_LOAD_BUDGET_KB as BUDGET_KB, firstLoad } from '../../bench/lib/firstLoad.ts';
import { DEFAULT_STACK } from '../../src/core/index.ts';

// The budget is deterministic, so it is a test (the benchmark reports the same number).

test(`the main view loads at most ${BUDGET_KB} KB of JavaScript, gzip`, () => {
  // The same accounting `npm run bench` reports: index.html's scripts and module preloads, and any
  // chunk they import statically; lazy chunks are left out.
  const load = firstLoad(join(import.meta.dirname, '..', '..', 'dist'));
  const scripts = load.initial.filter((a) => a.file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const kb = load.totals.jsGzipBytes / 1024;
  expect(
    kb,
    `first-load JS is ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB): ${scripts.map((a) => a.file).join(', ')}`,
  ).toBeLessThanOrEqual(BUDGET_KB);
});

test('index.html preloads the default stack’s language profile: the first view does not wait for the app to ask for it', () => {
  // The diagram cannot draw without it; asked for by the app, it came a round trip after the app's chunks.
  const dist = join(import.meta.dirname, '..', '..', 'dist');
  const profile = readdirSync(join(dist, 'assets')).filter((f) =>
    new RegExp(`^${DEFAULT_STACK.lang}-[\\w-]+\\.js$`).test(f),
  );
  expect(profile).toHaveLength(1);
  const preloaded = firstLoad(dist)
    .initial.filter((a) => a.kind === 'modulepreload')
    .map((a) => a.file);
  expect(preloaded).toContain(`assets/${profile[0] ?? ''}`);
  // Everything it imports is preloaded too (none found only by following its imports).
  expect(firstLoad(dist).notPreloaded).toEqual([]);
  // In two requests, the profile and the helpers it shares with the other languages (vite.config.ts's
  // profile-kit): on HTTP/1.1 more small ones queue the app's own chunks behind them.
  const beyondApp = preloaded.filter(
    (file) => !/\/(rolldown-runtime|react|react-flow|app)-[\w-]+\.js$/.test(file),
  );
  expect(beyondApp).toHaveLength(2);
});

test("no chunk of the hosted build is over Vite's 500 KB warning size (npm run build prints no warning)", () => {
  const assets = join(import.meta.dirname, '..', '..', 'dist', 'assets');
  const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(chunks.length).toBeGreaterThan(0);
  for (const chunk of chunks)
    expect(statSync(join(assets, chunk)).size, chunk).toBeLessThanOrEqual(500 * 1000);
});
