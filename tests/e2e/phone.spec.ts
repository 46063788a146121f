import type { Page } from '@playwright/test';
import { expect, openStepTitled, test } from './fixtures.ts';
import { HOP } from './legibilityFloor.ts';

/**
 * A phone (issue 11 item 6): no sideways scrolling down to 320 px, Previous / Play / Next under the
 * thumb while the diagram is on screen, a swipe on the diagram scrolls the page, and the camera
 * frames the current hop whole and legibly.
 */
test.use({ isMobile: true, hasTouch: true });

const inViewport = async (page: Page, name: string) => {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  const size = page.viewportSize();
  return (
    !!box &&
    !!size &&
    box.y >= 0 &&
    box.y + box.height <= size.height &&
    box.x >= 0 &&
    box.x + box.width <= size.width
  );
};

/** Names on a phone held at reading distance: 14 px, 12 on the narrowest (the hop whole comes first). */
for (const size of [
  { width: 390, height: 844, name: 14 },
  { width: 320, height: 640, name: 12 },
]) {
  test(`phone ${size.width}×${size.height}: no sideways scroll, the hop legible, controls under the thumb`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openStepTitled(page, 'motion=0', HOP.title, HOP.guess);
    await page.waitForTimeout(300);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, 'the page never scrolls sideways').toBeLessThanOrEqual(clientWidth);

    // The current hop's machines whole inside the diagram, their names at least 14 px on screen.
    const diagram = await page.getByRole('region', { name: 'Request diagram' }).boundingBox();
    if (!diagram) throw new Error('no diagram');
    const hop = await page.locator('.rt-node--from, .rt-node--to').evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        const name = el.querySelector('.rt-node-name');
        const scale = box.width / (el as HTMLElement).offsetWidth;
        return {
          box: box.toJSON() as DOMRect,
          px: name ? parseFloat(getComputedStyle(name).fontSize) * scale : 0,
        };
      }),
    );
    expect(hop).toHaveLength(2);
    for (const node of hop) {
      expect(node.box.left).toBeGreaterThanOrEqual(diagram.x - 0.5);
      expect(node.box.right).toBeLessThanOrEqual(diagram.x + diagram.width + 0.5);
      expect(node.box.top).toBeGreaterThanOrEqual(diagram.y - 0.5);
      expect(node.box.bottom).toBeLessThanOrEqual(diagram.y + diagram.height + 0.5);
      expect(node.px).toBeGreaterThanOrEqual(size.name - 0.05);
    }

    // Play and Next on screen with the diagram, at the top of the page and scrolled down to it.
    for (const name of ['Previous step', 'Play', 'Next step'])
      expect(await inViewport(page, name), name).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 200));
    for (const name of ['Previous step', 'Play', 'Next step'])
      expect(await inViewport(page, name), name).toBe(true);
    await page.screenshot({ path: info.outputPath(`phone-${size.width}.png`) });
  });
}

test('phone: a swipe on the diagram scrolls the page and leaves the picture where it is', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openStepTitled(page, 'motion=0', HOP.title, HOP.guess);
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.evaluate((el) => getComputedStyle(el).transform);
  const diagram = await page.getByRole('region', { name: 'Request diagram' }).boundingBox();
  if (!diagram) throw new Error('no diagram');
  // A finger's swipe up, as the phone sends it: touch start, ten moves, touch end.
  const cdp = await page.context().newCDPSession(page);
  const x = diagram.x + diagram.width / 2;
  const y = diagram.y + diagram.height * 0.7;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 25 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  expect(await viewport.evaluate((el) => getComputedStyle(el).transform)).toBe(before);
});

test('phone 390×844: the header’s actions, Fullscreen with them, on one row and each on one line', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openStepTitled(page, 'motion=0', HOP.title, HOP.guess);
  const banner = page.getByRole('banner');
  const boxes = [];
  for (const name of ['Customize', 'Share', 'Export', 'Keys', 'Fullscreen']) {
    const box = await banner.getByRole('button', { name, exact: true }).boundingBox();
    if (!box) throw new Error(`no ${name}`);
    boxes.push({ name, ...box });
  }
  const [first] = boxes;
  for (const box of boxes) {
    expect(Math.abs(box.y - (first?.y ?? 0)), `${box.name} on the first action's row`).toBeLessThan(1);
    expect(box.height, `${box.name} one line high`).toBeLessThanOrEqual(40);
    expect(box.x + box.width, `${box.name} inside the page`).toBeLessThanOrEqual(390);
  }
});
