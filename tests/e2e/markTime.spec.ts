import { expect, test } from './fixtures.ts';

/**
 * Issue 11 item 7: in slow-query at 1024×768 the "234.1 ms" bubble of the full scan sat on the
 * timeline's tick marks, hiding its neighbours' marks. It keeps clear of every mark.
 */
for (const size of [
  { width: 960, height: 540 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
] as const) {
  test(`the slow step's duration covers no tick mark, ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/#scenario=slow-query&motion=0&step=3');
    const bubble = page.locator('.rt-mark-time:visible');
    await expect(bubble).toHaveText('234.1 ms');
    const box = await bubble.boundingBox();
    const marks = await page
      .locator('.rt-mark')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(marks.length).toBeGreaterThan(5);
    const covered = marks.filter(
      (m) =>
        box &&
        m.left < box.x + box.width &&
        box.x < m.right &&
        m.top < box.y + box.height &&
        box.y < m.bottom,
    );
    expect(covered, 'marks under the bubble').toEqual([]);
  });
}
