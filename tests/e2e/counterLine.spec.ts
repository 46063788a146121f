import type { Page } from '@playwright/test';
import { expect, shownStep, status, test } from './fixtures.ts';

/**
 * Issue 11 item 8 in the main view: at the last step the counter says "Step 41 of 41 · 200 OK in
 * 221.5 ms" on one line (at 960×540 "ms" fell to a second line and pushed the settings down), inside the
 * controls, and no control moves between the step before and the last.
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

for (const theme of ['light', 'projector'] as const) {
  for (const size of [
    { width: 960, height: 540 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
    { width: 320, height: 640 },
  ] as const) {
    test(`the last step's counter stays on one line, ${theme}, ${size.width}×${size.height}`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.goto(`/#scenario=first-visit&theme=${theme}&motion=0`);
      const { count } = await shownStep(page);
      await page.goto(`/#scenario=first-visit&theme=${theme}&motion=0&step=${count - 1}`);
      await expect(status(page)).toContainText(`Step ${count - 1} of ${count}`);
      const before = await boxes(page);
      await page.goto(`/#scenario=first-visit&theme=${theme}&motion=0&step=${count}`);
      await expect(status(page)).toContainText(`Step ${count} of ${count}`);
      const counter = page.locator('.rt-controls .rt-counter');
      await expect(counter).toContainText(' in ');
      const line = await counter.evaluate((el) => {
        // The text's own boxes: on one line they span less than two font sizes from top to bottom.
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
        const size = parseFloat(getComputedStyle(el).fontSize);
        const lines = Math.max(...bottoms) - Math.min(...tops) < 2 * size ? 1 : 2;
        const box = el.getBoundingClientRect();
        const within = el.closest('.rt-controls')?.getBoundingClientRect();
        return {
          lines,
          inside: !!within && box.left >= within.left && box.right <= within.right + 0.5,
        };
      });
      expect(line).toEqual({ lines: 1, inside: true });
      expect(await boxes(page)).toEqual(before);
    });
  }
}
