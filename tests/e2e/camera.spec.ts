import type { Page } from '@playwright/test';
import { expect, openStepTitled, shownStep, test, timelineOf } from './fixtures.ts';

/**
 * The camera designed for teaching (issue 11 item 3): the current hop's machines whole and legible at
 * every step, a map of the whole journey when not all of it fits, "Whole journey" that stays fitted
 * (and is kept in the link), smooth moves between hops, and a mouse wheel that scrolls the page.
 */
type Box = { left: number; top: number; right: number; bottom: number };

/** The current hop's machines (boxes and on-screen name sizes) and the diagram's box. */
const hopOnScreen = (page: Page) =>
  page.evaluate(() => {
    const region = document.querySelector('.rt-diagram')?.getBoundingClientRect().toJSON() as Box;
    const nodes = [
      ...document.querySelectorAll<HTMLElement>('.rt-node--from, .rt-node--to, .rt-node--local'),
    ].map((el) => {
      const box = el.getBoundingClientRect();
      const name = el.querySelector('.rt-node-name');
      const px = name ? parseFloat(getComputedStyle(name).fontSize) * (box.width / el.offsetWidth) : 0;
      return { id: el.dataset['node'] ?? '', box: box.toJSON() as Box, px };
    });
    // Whether a machine is cut or off screen, and whether the journey's map is there to show it.
    const cut = [...document.querySelectorAll('.rt-node')].some((el) => {
      const b = el.getBoundingClientRect();
      return (
        b.left < region.left - 0.5 ||
        b.right > region.right + 0.5 ||
        b.top < region.top - 0.5 ||
        b.bottom > region.bottom + 0.5
      );
    });
    const map = document.querySelector('.react-flow__minimap') !== null;
    return { region, nodes, cut, map };
  });

const inside = (b: Box, r: Box) =>
  b.left >= r.left - 0.5 && b.right <= r.right + 0.5 && b.top >= r.top - 0.5 && b.bottom <= r.bottom + 0.5;

const CASES = [
  { scenario: 'first-visit', theme: 'projector', width: 1280, height: 720, share: 30 },
  { scenario: 'first-visit', theme: 'light', width: 1024, height: 768, share: 45 },
  { scenario: 'first-visit', theme: 'dark', width: 1024, height: 768, share: 45 },
  { scenario: 'first-visit', theme: 'projector', width: 1024, height: 768, share: 30 },
  { scenario: 'cdn-hit', theme: 'light', width: 1366, height: 768, share: 45 },
  // the CDN's name server joins the DNS lane on a cold walk (issue 12 item 14)
  { scenario: 'far-away-cdn', theme: 'projector', width: 1280, height: 720, share: 30 },
] as const;

for (const c of CASES) {
  test(`every step of ${c.scenario}, ${c.theme}, ${c.width}×${c.height}: the hop whole and legible, a map when not all fits`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: c.width, height: c.height });
    await page.goto(`/#scenario=${c.scenario}&theme=${c.theme}&motion=0`);
    // Every step the app shows (its own count: an older build's journey has fewer steps).
    const { count } = await shownStep(page);
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(c.scenario);
    const problems: string[] = [];
    for (let step = 1; step <= count; step++) {
      await page.evaluate(
        (h) => (location.hash = h),
        `scenario=${c.scenario}&theme=${c.theme}&motion=0&step=${step}`,
      );
      await expect(page.getByRole('status')).toContainText(`Step ${step} of`);
      const { region, nodes, cut, map } = await hopOnScreen(page);
      if (nodes.length === 0) problems.push(`step ${step}: no hop`);
      // Not all of the journey on screen (2 of 9 machines at cdn-hit 1366×768 before): the map shows.
      if (cut && !map) problems.push(`step ${step}: machines cut and no map of the journey`);
      for (const node of nodes) {
        if (!inside(node.box, region)) problems.push(`step ${step}: ${node.id} cut at the edge`);
        if (node.px < c.height / c.share - 0.1)
          problems.push(`step ${step}: ${node.id} name ${node.px.toFixed(1)} px`);
      }
    }
    expect(problems).toEqual([]);
  });
}

test('a map of the whole journey marks the current hop when not all of it fits', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#step=23&motion=0');
  const map = page.getByRole('img', { name: /Map of the whole journey/ });
  await expect(map).toBeVisible();
  await expect(map.locator('.rt-map-node--from')).toHaveCount(1);
  await expect(map.locator('.rt-map-node--to')).toHaveCount(1);
});

test('"Whole journey" stays fitted from step to step, and the link keeps it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#step=5&motion=0');
  // The camera's fit to the whole journey (af0f512 had it as a "Fit" button).
  const whole = page.getByRole('button', { name: /^(Whole journey|Fit)$/ });
  await whole.click();
  const allInside = async () => {
    const region = await page.getByRole('region', { name: 'Request diagram' }).boundingBox();
    const boxes = await page
      .locator('.rt-node')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
    return (
      !!region &&
      boxes.every((b) =>
        inside(b, {
          left: region.x,
          top: region.y,
          right: region.x + region.width,
          bottom: region.y + region.height,
        }),
      )
    );
  };
  expect(await allInside()).toBe(true);
  const transform = () =>
    page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const fitted = await transform();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByRole('status')).toContainText('Step 11 of');
  await page.waitForTimeout(300);
  expect(await transform(), 'the camera after six steps').toBe(fitted);
  await expect(page.getByRole('button', { name: 'Whole journey' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/camera=whole/);
  await expect(page.getByRole('img', { name: /Map of the whole journey/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Whole journey' })).toHaveAttribute('aria-pressed', 'true');
  expect(await allInside()).toBe(true);
  await page.getByRole('button', { name: 'Follow the hop' }).click();
  await expect(page).not.toHaveURL(/camera=whole/);
});

test('the camera moves smoothly from hop to hop, with motion loaded for it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // The design card: the camera's moves are motion's (src/ui/motion), a chunk of its own loaded on demand.
  const motionChunks: string[] = [];
  page.on('request', (r) => {
    if (/\/motionParts-[\w-]+\.js$/.test(r.url())) motionChunks.push(r.url());
  });
  // From the DNS answer on the right of the top lane to the browser's SYN in the bottom lane.
  const guess = timelineOf('first-visit').steps.findIndex((s) => s.title === 'SYN') + 1;
  const syn = await openStepTitled(page, 'scenario=first-visit', 'SYN', guess);
  await page.evaluate((h) => (location.hash = h), `scenario=first-visit&step=${syn - 1}`);
  await expect(page.getByRole('status')).toContainText(`Step ${syn - 1} of`);
  await page.waitForTimeout(300);
  // Every frame's transform for a second after Next: more than the start and the end, in between.
  const seen = await page.evaluate(async () => {
    const viewport = document.querySelector('.react-flow__viewport');
    const next = [...document.querySelectorAll('button')].find(
      (b) => b.getAttribute('aria-label') === 'Next step',
    );
    if (!viewport || !next) return [];
    const values = new Set<string>();
    next.click();
    const end = performance.now() + 1200;
    while (performance.now() < end) {
      values.add(getComputedStyle(viewport).transform);
      await new Promise(requestAnimationFrame);
    }
    return [...values];
  });
  expect(seen.length, 'transforms drawn during the move').toBeGreaterThan(3);
  expect(motionChunks, 'motion’s chunk loaded for the move').toHaveLength(1);
});

test('the mouse wheel over the diagram does not zoom it; Ctrl + wheel does', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#step=5&motion=0');
  const transform = () =>
    page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const box = await page.getByRole('region', { name: 'Request diagram' }).boundingBox();
  if (!box) throw new Error('no diagram');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await transform();
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(200);
  expect(await transform()).toBe(before);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(transform).not.toBe(before);
});

test('the mouse wheel over the diagram scrolls a page that scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/#step=5&motion=0');
  const box = await page.getByRole('region', { name: 'Request diagram' }).boundingBox();
  if (!box) throw new Error('no diagram');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
});

test("a node's state opens beside the diagram, not over it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#step=1&motion=0');
  await page.getByRole('button', { name: /^Browser/ }).click();
  const panel = page.getByRole('region', { name: 'What Browser knows' });
  await expect(panel).toBeVisible();
  const p = await panel.boundingBox();
  const d = await page.getByRole('region', { name: 'Request diagram' }).boundingBox();
  if (!p || !d) throw new Error('no boxes');
  expect(p.x >= d.x + d.width || p.x + p.width <= d.x || p.y >= d.y + d.height || p.y + p.height <= d.y).toBe(
    true,
  );
});

test("Tab visits the diagram's machines in reading order, row by row", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/#step=1&motion=0&camera=whole');
  // The first render waits for the link's language profile (a chunk of its own): wait for the machines.
  await expect.poll(() => page.locator('.rt-node-button').count()).toBeGreaterThan(5);
  const order = await page.locator('.rt-node-button').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top), left: Math.round(r.left) };
    }),
  );
  expect(order.length).toBeGreaterThan(5);
  const sorted = [...order].sort((a, b) => a.top - b.top || a.left - b.left);
  expect(order).toEqual(sorted);
});
