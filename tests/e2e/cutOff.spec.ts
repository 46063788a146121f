import type { Page } from '@playwright/test';
import { expect, test, timelineOf } from './fixtures.ts';

/**
 * Nothing a lesson needs is cut off (issue 11 item 7): no text ends in an ellipsis or is clipped
 * (scrollWidth > clientWidth, a clamped line) unless it has a tooltip with the whole text; the
 * details column never scrolls sideways; a node's or a packet's text stays inside its box.
 */
const firstVisit = timelineOf('first-visit');
const stepOf = (title: string) => firstVisit.steps.findIndex((s) => s.title === title) + 1;

/** Steps whose texts were cut: the URL in the browser, the .example TLD server, GET, the response. */
const STEPS = [
  1,
  stepOf('Root: ask the .example servers'),
  stepOf('GET /api/products/42'),
  firstVisit.steps.length,
];

const SIZES = [
  { width: 960, height: 540 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Every cut text on the page, described. */
const cutTexts = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const ownText = (el: Element) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    const describe = (el: Element, why: string) =>
      `${el.className || el.tagName}: "${(el.textContent ?? '').trim().slice(0, 60)}" ${why}`;
    for (const el of document.querySelectorAll<HTMLElement>('.rt-player *')) {
      // The embed's caption (clamped to three lines) is issue 11 item 8's, not this test's.
      if (
        el.closest(
          'select, .rt-visually-hidden, .react-flow__attribution, svg, .rt-player--embed .rt-caption',
        )
      )
        continue;
      if (el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      // Hidden from sight on purpose, as .rt-visually-hidden does (the brand at 601–1120 px): not cut.
      if (style.clipPath === 'inset(50%)' && el.clientWidth <= 1) continue;
      const titled = el.title !== '' || el.closest('[title]') !== null;
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = el.scrollHeight > el.clientHeight + 1;
      if (style.textOverflow === 'ellipsis' && wide && !titled) found.push(describe(el, 'ends in …'));
      else if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && wide && !titled && ownText(el))
        found.push(describe(el, `clipped (${el.scrollWidth} > ${el.clientWidth})`));
      if (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '' && tall && !titled)
        found.push(describe(el, 'clamped'));
    }
    for (const el of document.querySelectorAll<HTMLElement>('.rt-side, .rt-details')) {
      if (el.scrollWidth > el.clientWidth + 1)
        found.push(describe(el, `scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`));
    }
    for (const el of document.querySelectorAll<HTMLElement>('.rt-node-button, .rt-packet, .rt-band')) {
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        if (!el.title) found.push(describe(el, 'spills out of its box'));
    }
    return found;
  });

async function expectNothingCut(page: Page, hash: string) {
  const found: string[] = [];
  for (const step of STEPS) {
    await page.evaluate((h) => (location.hash = h), `${hash}&step=${step}&motion=0`);
    await expect(page.getByRole('status')).toContainText(`Step ${step} of`);
    await page.waitForTimeout(150);
    found.push(...(await cutTexts(page)).map((f) => `step ${step}: ${f}`));
  }
  expect([...new Set(found)]).toEqual([]);
}

for (const theme of ['light', 'projector'] as const) {
  for (const size of SIZES) {
    test(`nothing cut off: main view, ${theme}, ${size.width}×${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`/#theme=${theme}`);
      await expectNothingCut(page, `theme=${theme}`);
    });
  }
}

for (const size of [
  { width: 480, height: 270 },
  { width: 1280, height: 720 },
] as const) {
  test(`nothing cut off: embed view, ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/#embed=1');
    await expectNothingCut(page, 'embed=1');
  });
}

test('nothing cut off: a MongoDB insert on the packet, 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const post = timelineOf('post-create', { lang: 'node', db: 'mongodb' });
  const insert = post.steps.findIndex((s) => s.message.summary.startsWith('insert ')) + 1;
  expect(insert).toBeGreaterThan(0);
  await page.goto(`/#scenario=post-create&db=mongodb&step=${insert}&motion=0`);
  await expect(page.getByRole('status')).toContainText(`Step ${insert} of`);
  expect(await cutTexts(page)).toEqual([]);
});

test('the playhead does not run through the phase labels', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/#step=${stepOf('ClientHello')}&motion=0`);
  const playhead = await page.locator('.rt-playhead').boundingBox();
  const bands = await page.locator('.rt-bands').boundingBox();
  expect(playhead && bands && playhead.y).toBeGreaterThanOrEqual(
    (bands?.y ?? 0) + (bands?.height ?? 0) - 0.5,
  );
});
