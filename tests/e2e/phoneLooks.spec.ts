import type { Page } from '@playwright/test';
import { expect, test, timelineOf } from './fixtures.ts';

/**
 * A phone as a student holds it, seen in the screenshots of issue 11 (scripts/screens.ts): the
 * header's five actions on one row down to 320 px, in every theme; the projector theme on a phone
 * laid out as a phone (its camera buttons whole, its machines' names as large as the light theme's);
 * and a TLS message's long name whole in a packet on a 390 px phone, not "Encryp… Extens…".
 */
test.use({ isMobile: true, hasTouch: true });

const firstVisit = timelineOf('first-visit');
const stepOf = (id: string) => firstVisit.steps.findIndex((s) => s.id === id) + 1;

async function open(page: Page, width: number, height: number, hash: string) {
  await page.setViewportSize({ width, height });
  await page.goto(`/#${hash}&motion=0`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

for (const [width, height] of [
  [320, 640],
  [375, 667],
  [390, 844],
] as const)
  for (const theme of ['light', 'projector'])
    test(`${width}×${height} ${theme}: the header's actions on one row, inside the page`, async ({
      page,
    }) => {
      await open(page, width, height, `step=1&theme=${theme}`);
      const boxes = await page
        .locator('.rt-actions button')
        .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes.length).toBe(5);
      const tops = boxes.map((b) => Math.round(b.top));
      expect(new Set(tops).size, `tops ${tops.join(', ')}`).toBe(1);
      for (const box of boxes) expect(box.right).toBeLessThanOrEqual(width);
      // Brand and theme, the actions, the scenario: three rows at most (four in the projector at 320).
      const header = await page.locator('.rt-header').boundingBox();
      expect(header!.height).toBeLessThan(140);
    });

for (const [width, height] of [
  [320, 640],
  [390, 844],
] as const)
  test(`${width}×${height} projector: a phone's layout, the camera's buttons whole, names as large as in light`, async ({
    page,
  }) => {
    const namePx = async () =>
      page.evaluate(() => {
        const name = document.querySelector<HTMLElement>('.rt-node-name')!;
        const zoom = name.getBoundingClientRect().height / name.offsetHeight;
        return parseFloat(getComputedStyle(name).fontSize) * zoom;
      });
    await open(page, width, height, `step=10&theme=light`);
    const light = await namePx();
    await open(page, width, height, `step=10&theme=projector`);
    expect(await namePx()).toBeGreaterThanOrEqual(light - 0.5);
    const diagram = (await page.locator('.rt-diagram-box').boundingBox())!;
    for (const name of ['Whole', 'Follow']) {
      const button = page.getByRole('button', { name: new RegExp(`^${name}`) });
      const box = (await button.boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(diagram.x + diagram.width);
      // One line: as tall as the zoom buttons.
      const zoom = (await page.getByRole('button', { name: 'Zoom in' }).boundingBox())!;
      expect(box.height, name).toBeLessThanOrEqual(zoom.height + 1);
    }
  });

test('390×844: a TLS message’s long name is whole in its packet, not elided', async ({ page }) => {
  for (const id of ['tls-encrypted-extensions', 'tls-certificate', 'tls-certificate-verify']) {
    await open(page, 390, 844, `step=${stepOf(id)}`);
    const pieces = await page
      .locator('.rt-packet--current .rt-packet-piece')
      .evaluateAll((all) =>
        all.map((p) => ({ text: p.textContent, cut: p.scrollWidth > p.clientWidth + 0.5 })),
      );
    expect(pieces.length, id).toBeGreaterThan(0);
    expect(
      pieces.filter((p) => p.cut).map((p) => p.text),
      id,
    ).toEqual([]);
  }
});
