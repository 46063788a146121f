import type { Page } from '@playwright/test';
import { expect, openStepTitled, test, timelineOf } from './fixtures.ts';

/**
 * Nothing a lesson needs is cut off (issue 11 item 7): no text ends in an ellipsis or is clipped
 * (scrollWidth > clientWidth, a clamped line) unless it has a tooltip with the whole text; the
 * details column never scrolls sideways; a node's or a packet's text stays inside its box.
 */
const firstVisit = timelineOf('first-visit');
const stepOf = (title: string) => firstVisit.steps.findIndex((s) => s.title === title) + 1;

/** Steps whose texts were cut: the URL in the browser, the .example TLD server, GET, the response. */
const STEPS = [
  'The browser checks its caches',
  'Root: ask the .example servers',
  'GET /api/products/42',
  'Render the result',
].map((title) => ({ title, guess: stepOf(title) }));

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
  for (const { title, guess } of STEPS) {
    const step = await openStepTitled(page, `${hash}&motion=0`, title, guess);
    await page.waitForTimeout(150);
    found.push(...(await cutTexts(page)).map((f) => `step ${step}: ${f}`));
  }
  expect([...new Set(found)]).toEqual([]);
}

for (const theme of ['light', 'projector'] as const) {
  for (const size of SIZES) {
    test(`nothing cut off: main view, ${theme}, ${size.width}×${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
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
    await expectNothingCut(page, 'embed=1');
  });
}

test('nothing cut off: a MongoDB insert on the packet, 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const post = timelineOf('post-create', { lang: 'node', db: 'mongodb' });
  const index = post.steps.findIndex((s) => s.message.summary.startsWith('insert '));
  expect(index).toBeGreaterThanOrEqual(0);
  // The handler's insert, whatever the build calls it ('insert review'; af0f512: 'insertOne review').
  await openStepTitled(page, 'scenario=post-create&db=mongodb&motion=0', /^insert/, index + 1);
  expect(await cutTexts(page)).toEqual([]);
});

test('the playhead does not run through the phase labels', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStepTitled(page, 'motion=0', 'ClientHello', stepOf('ClientHello'));
  const playhead = await page.locator('.rt-playhead').boundingBox();
  const bands = await page.locator('.rt-bands').boundingBox();
  expect(playhead && bands && playhead.y).toBeGreaterThanOrEqual(
    (bands?.y ?? 0) + (bands?.height ?? 0) - 0.5,
  );
});

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
] as const) {
  test(`every phase band of the timeline shows a name, whole or short, ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openStepTitled(page, 'motion=0', 'GET /api/products/42', stepOf('GET /api/products/42'));
    // The narrow bands (Request, the second Server) had no label at all, only a tooltip.
    const bands = await page.locator('.rt-band').evaluateAll((els) =>
      els.map((el) => ({
        title: el.getAttribute('title') ?? '',
        shown: (el as HTMLElement).innerText.trim(),
      })),
    );
    expect(bands.length).toBeGreaterThan(4);
    expect(
      bands.filter((b) => b.shown === '').map((b) => b.title),
      'bands with no label',
    ).toEqual([]);
  });
}
