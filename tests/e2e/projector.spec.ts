import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Text smaller than this on a 1080-pixel stage is too small for the back of a room (PRODUCT.md §6). */
const MIN_PX = 1080 / 50;

/** The rendered font size on screen (CSS size × the diagram's zoom) of every element matching `selector`. */
const screenSizes = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const size = parseFloat(getComputedStyle(el).fontSize);
      const viewport = el.closest('.react-flow__viewport');
      const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1;
      return { text: el.textContent ?? '', px: size * zoom };
    }),
  );

/** AAA contrast (7:1) findings of axe-core on the page. */
const contrastViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? v.id}`),
  );
};

for (const view of [
  { name: 'embed view', hash: 'embed=1' },
  { name: 'main view', hash: 'embed=0' },
]) {
  test.describe(`projector theme, ${view.name} at 1920×1080`, () => {
    test.use({ viewport: { width: 1920, height: 1080 } });

    test('node names and the narration are at least 1/50 of the stage height', async ({ page }, info) => {
      await page.goto(`/#theme=projector&${view.hash}&step=28`);
      await expect(page.getByRole('status')).toContainText('Step 28 of');
      await page.waitForTimeout(500);
      const names = await screenSizes(page, '.rt-node-name');
      expect(names.length).toBeGreaterThan(5);
      for (const name of names) expect(name.px, `node name "${name.text}"`).toBeGreaterThanOrEqual(MIN_PX);
      // The embed's caption; the main view's narration is in the step details.
      const [caption] = await screenSizes(
        page,
        view.hash === 'embed=1' ? '[role="status"]' : '.rt-narration',
      );
      expect(caption?.px).toBeGreaterThanOrEqual(MIN_PX);
      await page.screenshot({ path: info.outputPath(`projector-${view.hash}.png`) });
    });

    test('every text has at least 7:1 contrast, at several steps', async ({ page }) => {
      const found: string[] = [];
      for (const step of [5, 12, 16, 23, 26, 30, 34]) {
        await page.goto(`/#theme=projector&${view.hash}&step=${step}`);
        await expect(page.getByRole('status')).toContainText(`Step ${step} of`);
        found.push(...(await contrastViolations(page)));
      }
      expect([...new Set(found)]).toEqual([]);
    });
  });
}

test('projector edges are thicker than the regular ones', async ({ page }) => {
  const width = async () =>
    page
      .locator('.rt-edge--visited')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).strokeWidth));
  await page.goto('/#step=20');
  const regular = await width();
  await page.goto('/#step=20&theme=projector');
  await page.reload();
  expect(await width()).toBeGreaterThan(regular);
});
