import { THEMES } from '../../src/core/index.ts';
import { expect, openStepTitled, test } from './fixtures.ts';
import { expectFloor, FLOOR_STEPS, HOP, measure, measureSteps, VIEWS } from './legibilityFloor.ts';
import type { Measured } from './legibilityFloor.ts';

/**
 * The legibility floor (issue 11 item 2, PRODUCT.md §6), measured as a room sees it: the text's CSS
 * size times every scaling between it and the screen (React Flow's zoom, a packet's scale, a frame
 * shown smaller or larger by a slide deck), against the on-screen height of the view the diagram is
 * in. Node names ≥ 1/45 of that height (1/30 in the projector theme); roles, packet labels and the
 * SENDS/RECEIVES badges ≥ 1/60 (within 0.1 px: layout sizes are whole pixels). Every theme, the main
 * and the embed view, at each projector size; three hops per page load (legibilityFloor.ts). Inside a
 * reveal.js slide: legibilityReveal.spec.ts.
 */
const SIZES = [
  { width: 960, height: 540 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

for (const view of VIEWS) {
  for (const theme of THEMES) {
    for (const size of SIZES) {
      test(`legibility floor: ${view.name}, ${theme}, ${size.width}×${size.height}`, async ({
        page,
      }, info) => {
        await page.setViewportSize(size);
        const found = await measureSteps(page, `${view.hash}&theme=${theme}&motion=0`, 1);
        expectFloor(found, size.height, theme === 'projector');
        await page.screenshot({ path: info.outputPath(`${view.hash}-${theme}-${size.width}.png`) });
      });
    }
  }
}

// A small embed on a course page, read at arm's length: names at 12 px, the rest at 9 px, however
// small a share of the height that is (1/45 of 270 px was 6 px names), wherever the hop's machines fit
// at that size: the hops within one lane (the DNS walk, the database's query). A hop between lanes
// (the browser's request) is two rows tall and is kept whole first, as large as the frame holds it.
const IN_ONE_LANE = FLOOR_STEPS.filter((s) => s !== HOP);
for (const theme of THEMES) {
  for (const size of [
    { width: 480, height: 270 },
    { width: 640, height: 360 },
  ]) {
    test(`legibility floor: embed view, ${theme}, ${size.width}×${size.height}`, async ({ page }, info) => {
      await page.setViewportSize(size);
      const found: Measured[] = [];
      for (const { title, guess } of IN_ONE_LANE) {
        await openStepTitled(page, `embed=1&theme=${theme}&motion=0`, title, guess);
        await page.waitForTimeout(300);
        found.push(...(await measure(page, 1)).map((m) => ({ ...m, text: `${title}: ${m.text}` })));
      }
      expectFloor(found, size.height, theme === 'projector');
      await page.screenshot({ path: info.outputPath(`embed-${theme}-${size.width}.png`) });
    });
  }
}

// The projector enlarges what a room reads: the timeline's phase names and the duration on its row are at
// least 1/60 of the height too (at 1920×1080 they were 13 px, 1/83).
for (const size of [
  { width: 960, height: 540 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const) {
  test(`projector ${size.width}×${size.height}: the timeline's labels are at least 1/60 of the height`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/#scenario=slow-query&step=3&theme=projector&motion=0');
    const labels = page.locator(
      '.rt-waterfall .rt-band-text, .rt-waterfall .rt-band-outside, .rt-waterfall .rt-mark-time',
    );
    await expect(labels.first()).toBeVisible();
    const sizes = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '.rt-bands .rt-band-text, .rt-band-row .rt-band-outside, .rt-band-row .rt-mark-time, .rt-marks .rt-mark-time',
        ),
      ]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({
          text: el.textContent ?? '',
          // The CSS size times every zoom between it and the page (the projector's zoom of the track).
          px:
            parseFloat(getComputedStyle(el).fontSize) *
            (el as HTMLElement & { currentCSSZoom: number }).currentCSSZoom,
        })),
    );
    expect(sizes.length).toBeGreaterThan(4);
    const floor = size.height / 60;
    expect(sizes.filter((m) => m.px < floor - 0.1).map((m) => `${m.text} ${m.px.toFixed(1)} px`)).toEqual([]);
  });
}

test('the diagram gets most of a 1280×720 window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStepTitled(page, '', HOP.title, HOP.guess);
  const diagram = await page.getByRole('region', { name: 'Request diagram' }).boundingBox();
  expect(diagram?.height ?? 0, 'the diagram’s height').toBeGreaterThanOrEqual(720 * 0.6);
  // "Step N of M" once on screen (the status line for screen readers may repeat it, hidden).
  await expect(page.getByText(/^Step \d+ of \d+$/).filter({ visible: true })).toHaveCount(1);
});

test('the projector theme shows node icons', async ({ page }) => {
  await openStepTitled(page, 'theme=projector', HOP.title, HOP.guess);
  await expect(page.locator('.rt-node-icon').first()).toBeVisible();
});
