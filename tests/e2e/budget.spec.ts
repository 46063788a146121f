import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { firstLoad } from '../../bench/lib/firstLoad.ts';

/** First-load JavaScript budget of the main view (issue 5): 200 KB gzip. Deterministic, so a test. */
const BUDGET_KB = 200;

test('the main view loads at most 200 KB of JavaScript, gzip', () => {
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
