import { expect, test, timelineOf } from './fixtures.ts';
import { brokenInside, textLines } from './textLines.ts';

/**
 * A working machine's step label is whole on its card at the projectors' sizes, in light and
 * projector (b5e299b, which had no test): it wraps between words and after a URL's dots and slashes.
 * At 1920×1080 first-visit's step 1 showed "GET https://shop.example/api/pr", the URL one word cut
 * at the card's edge. Every step of first-visit that happens inside one machine is checked.
 */
const timeline = timelineOf('first-visit');
const working = timeline.steps.filter((s) => s.from === s.to);

for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
  [1280, 720],
  [960, 540],
  // A 320 px phone: step 1's "GET https://shop.example/api/products/42" needs a fourth line there.
  [320, 640],
] as const)
  for (const theme of ['light', 'projector'])
    test(`${width}×${height} ${theme}: a working machine's step label is whole, wrapped only where it may break`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      expect(working.length).toBeGreaterThan(3);
      for (const step of working) {
        await page.goto(`/#scenario=first-visit&step=${step.index + 1}&theme=${theme}&motion=0`);
        const label = page.locator('.rt-node-work');
        await expect(label).toHaveCount(1);
        await page.evaluate(() => document.fonts.ready);
        const drawn = {
          lines: await textLines(label),
          ...(await label.evaluate((e) => ({
            cutX: e.scrollWidth > e.clientWidth + 1,
            cutY: e.scrollHeight > e.clientHeight + 1,
          }))),
        };
        const where = `step ${step.index + 1} "${step.message.summary}": ${JSON.stringify(drawn.lines)}`;
        expect(drawn.cutX, `${where} cut at the side`).toBe(false);
        expect(drawn.cutY, `${where} cut below`).toBe(false);
        expect(drawn.lines.join(' ').replace(/\s+/g, ''), where).toBe(
          `⚙${step.message.summary}`.replace(/\s+/g, ''),
        );
        // Each line ends at a space of the summary or after an underscore, dot or slash, never inside a word.
        expect(
          brokenInside(`⚙ ${step.message.summary}`, drawn.lines),
          `${where}: broken inside a word`,
        ).toEqual([]);
      }
    });
