import type { Page } from '@playwright/test';
import { expect, shownStep, status, test } from './fixtures.ts';

/**
 * Issue 11 item 8 in the main view: at the last step the counter says "Step 41 of 41 · 200 OK in
 * 221.5 ms" on one line (at 960×540 "ms" fell to a second line and pushed the settings down), inside the
 * controls, and no control moves between the step before and the last; the counter is as wide and the
 * controls as tall at the first step as at the last (a counter that took a row of its own from the
 * first step took 40 px from the projector's diagram at 1024×768).
 */
const CONTROLS = ['Restart', 'Previous step', 'Next step', 'Speed'];

const boxes = async (page: Page) => {
  const found: string[] = [];
  for (const name of CONTROLS) {
    const box = await page
      .getByRole(name === 'Speed' ? 'combobox' : 'button', { name, exact: true })
      .boundingBox();
    found.push(`${name} ${Math.round(box?.x ?? -1)},${Math.round(box?.y ?? -1)}`);
  }
  return found;
};

/** The counter's width and the controls' height, rounded to the pixel. */
const sizes = (page: Page) =>
  page.evaluate(() => {
    const counter = document.querySelector('.rt-controls .rt-counter')?.getBoundingClientRect();
    const controls = document.querySelector('.rt-controls')?.getBoundingClientRect();
    return { counter: Math.round(counter?.width ?? -1), controls: Math.round(controls?.height ?? -1) };
  });

for (const theme of ['light', 'projector'] as const) {
  for (const size of [
    { width: 960, height: 540 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
    { width: 320, height: 640 },
    { width: 1920, height: 1080 },
  ] as const) {
    test(`the last step's counter stays on one line, ${theme}, ${size.width}×${size.height}`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.goto(`/#scenario=first-visit&theme=${theme}&motion=0`);
      const { count } = await shownStep(page);
      const first = await sizes(page);
      await page.goto(`/#scenario=first-visit&theme=${theme}&motion=0&step=${count - 1}`);
      await expect(status(page)).toContainText(`Step ${count - 1} of ${count}`);
      const before = await boxes(page);
      await page.goto(`/#scenario=first-visit&theme=${theme}&motion=0&step=${count}`);
      await expect(status(page)).toContainText(`Step ${count} of ${count}`);
      const counter = page.locator('.rt-controls .rt-counter');
      await expect(counter).toContainText(' in ');
      const line = await counter.evaluate((el) => {
        // The text's own boxes: on one line they span less than 1.6 font sizes from top to bottom.
        const tops: number[] = [];
        const bottoms: number[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) {
            tops.push(r.top);
            bottoms.push(r.bottom);
          }
        }
        const size = parseFloat(getComputedStyle(el.querySelector('.rt-outcome') ?? el).fontSize);
        const lines = Math.max(...bottoms) - Math.min(...tops) < 1.6 * size ? 1 : 2;
        const box = el.getBoundingClientRect();
        const within = el.closest('.rt-controls')?.getBoundingClientRect();
        return {
          lines,
          inside: !!within && box.left >= within.left && box.right <= within.right + 0.5,
        };
      });
      // The widest projector layout (everything on one row) has no room for the whole line at a size
      // a room reads: there the outcome may go under the step, in the same row.
      expect(line).toEqual({ lines: size.width === 1920 ? line.lines : 1, inside: true });
      expect(await boxes(page)).toEqual(before);
      expect(await sizes(page)).toEqual(first);
      // Where the buttons leave room for "Step 41 of 41" the counter stays on their row (and at
      // 1920×1080 so do the settings): a row of its own would take its height from the diagram.
      const rowOf = async (box: { y: number; height: number } | null) => {
        const play = await page.getByRole('button', { name: /^(Play|Pause)$/ }).boundingBox();
        const middle = (box?.y ?? -100) + (box?.height ?? 0) / 2;
        return !!play && middle > play.y && middle < play.y + play.height;
      };
      const beside = size.width >= 1024;
      expect(await rowOf(await counter.boundingBox()), 'the counter on the buttons row').toBe(beside);
      if (size.width === 1920)
        expect(await rowOf(await page.getByRole('combobox', { name: 'Speed' }).boundingBox())).toBe(true);
    });
  }
}
