import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** First-load JavaScript budget of the main view (issue 5): 200 KB gzip. Deterministic, so a test. */
const BUDGET_KB = 200;

test('the main view loads at most 200 KB of JavaScript, gzip', () => {
  const dist = join(import.meta.dirname, '..', '..', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  expect(scripts.length).toBeGreaterThan(0);
  const kb = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0) / 1024;
  expect(
    kb,
    `first-load JS is ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB): ${scripts.join(', ')}`,
  ).toBeLessThanOrEqual(BUDGET_KB);
});
