import type { Page } from '@playwright/test';
import { nodeStateAt } from '../../src/core/index.ts';
import { expect, status, test, timelineOf } from './fixtures.ts';

/**
 * Issue 11 item 10: what the details panel says about a step is true. A node's state does not list
 * "cache: empty" above what the cache holds; a message that goes from one node to another is not
 * tagged "Inside the node".
 */

const details = (page: Page) => page.getByRole('region', { name: 'Step details' });

test('the resolver lists what it has cached, with no "cache: empty" line above it', async ({ page }) => {
  const timeline = timelineOf('first-visit');
  // The first step after which the resolver holds two cache entries (the .example and shop referrals).
  const index = timeline.steps.findIndex(
    (_, i) =>
      Object.keys(nodeStateAt(timeline, i)['resolver'] ?? {}).filter((k) => k.startsWith('cache: ')).length >=
      2,
  );
  expect(index).toBeGreaterThan(0);
  await page.goto(`/#scenario=first-visit&step=${index + 1}`);
  await expect(status(page)).toContainText(`Step ${index + 1} of `);
  const resolver = details(page).getByRole('table', { name: 'Recursive resolver' });
  // What it holds (two entries or more: an older build's step of that number may hold a third)…
  await expect
    .poll(() => resolver.getByRole('rowheader', { name: /^cache: / }).count())
    .toBeGreaterThanOrEqual(2);
  // …and no bare "cache" line saying it is empty above them.
  await expect(resolver.getByRole('rowheader', { name: 'cache', exact: true })).toHaveCount(0);
  await expect(resolver).not.toContainText('empty');
});

test('a hop is tagged by what crosses it: the browser’s DNS query to the stub, Redis commands', async ({
  page,
}) => {
  // Chrome's own DNS client sends a real DNS query to the stub resolver (no getaddrinfo call).
  const toStub = timelineOf('first-visit').steps.findIndex((s) => s.id === 'dns-query-stub') + 1;
  expect(toStub).toBeGreaterThan(0);
  await page.goto(`/#scenario=first-visit&step=${toStub}`);
  await expect(status(page)).toContainText(`Step ${toStub} of `);
  const tag = details(page).getByRole('heading', { level: 3, name: /^Message/ });
  await expect(tag).toHaveText('Message DNS');
  const cacheMiss = timelineOf('cache-miss');
  for (const id of ['cache-get', 'cache-miss', 'cache-set']) {
    const step = cacheMiss.steps.findIndex((s) => s.id === id) + 1;
    expect(step, id).toBeGreaterThan(0);
    await page.goto(`/#scenario=cache-miss&step=${step}`);
    await expect(status(page)).toContainText(`Step ${step} of `);
    await expect(tag, id).toHaveText('Message Redis (RESP)');
  }
  // Work inside one node keeps its tag.
  const inside = cacheMiss.steps.findIndex((s) => s.from === s.to && s.message.protocol === 'internal') + 1;
  await page.goto(`/#scenario=cache-miss&step=${inside}`);
  await expect(status(page)).toContainText(`Step ${inside} of `);
  await expect(tag).toHaveText(/^Message (Code \(|Inside the node)/);
});
