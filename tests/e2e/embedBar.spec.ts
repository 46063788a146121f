import type { Page } from '@playwright/test';
import { expect, openStepTitled, shownStep, status, test, timelineOf } from './fixtures.ts';

/**
 * Issue 11 item 8: the embed view's controls stay where they are from the first step to the last
 * (the counter grew at the end, "Step 35 of 35 · 200 OK in 221.5 ms", and pushed the buttons 120 px at
 * 960×540), and its caption is legible and whole at 480×270: at least 12 px, and all of it readable
 * (it fits, or it scrolls; nothing is cut off for good).
 */

const SCENARIO = 'first-visit';
const BUTTONS = ['Restart', 'Previous step', 'Play', 'Next step', 'Fullscreen'];

/** Where each control's box is: its name and its left and top edges. */
const controlBoxes = async (page: Page) => {
  const boxes: string[] = [];
  for (const name of BUTTONS) {
    const box = await page.getByRole('button', { name, exact: true }).boundingBox();
    boxes.push(`${name} ${Math.round(box?.x ?? -1)},${Math.round(box?.y ?? -1)}`);
  }
  return boxes;
};

test('the embed controls keep their places from step 1 to the last step and its outcome', async ({
  page,
}) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await page.goto(`/#scenario=${SCENARIO}&embed=1&motion=0`);
  // The app's own count (an older build's journey has fewer steps).
  const { count } = await shownStep(page);
  const first = await controlBoxes(page);
  await page.goto(`/#scenario=${SCENARIO}&embed=1&motion=0&step=10`);
  await expect(status(page)).toContainText(`Step 10 of ${count}`);
  expect(await controlBoxes(page)).toEqual(first);
  await page.goto(`/#scenario=${SCENARIO}&embed=1&motion=0&step=${count}`);
  await expect(status(page)).toContainText(`Step ${count} of ${count}`);
  // The outcome is shown at the end…
  const outcome = timelineOf(SCENARIO).outcome.summary;
  await expect(page.getByText(outcome)).toBeVisible();
  // …without moving a button.
  expect(await controlBoxes(page)).toEqual(first);
});

for (const [width, height] of [
  [480, 270],
  [640, 360],
] as const) {
  test(`at ${width}×${height} the caption is at least 12 px and every word of it can be read`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const timeline = timelineOf(SCENARIO);
    // The step with the longest caption.
    const longest = timeline.steps.reduce(
      (best, s, i) =>
        s.title.length + s.narration.length > best.length
          ? { i, length: s.title.length + s.narration.length }
          : best,
      { i: 0, length: 0 },
    );
    const title = timeline.steps[longest.i]?.title ?? '';
    await openStepTitled(page, `scenario=${SCENARIO}&embed=1&motion=0`, title, longest.i + 1);
    const caption = status(page);
    const look = await caption.evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        fontSize: parseFloat(style.fontSize),
        overflowY: style.overflowY,
        clamped: style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '',
        scrollHeight: el.scrollHeight,
        clientHeight: el.clientHeight,
      };
    });
    expect(look.fontSize).toBeGreaterThanOrEqual(12);
    expect(look.clamped, 'line-clamp cuts the caption').toBe(false);
    if (look.scrollHeight > look.clientHeight + 1) {
      expect(['auto', 'scroll']).toContain(look.overflowY);
      // It scrolls to its last line, by wheel or keyboard (it can take focus).
      await caption.focus();
      await expect(caption).toBeFocused();
      await caption.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      expect(
        await caption.evaluate((el) => Math.ceil(el.scrollTop + el.clientHeight) >= el.scrollHeight - 1),
      ).toBe(true);
    }
    // The controls are all on screen, whole.
    for (const name of BUTTONS.slice(0, 4)) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect((box?.x ?? -1) + (box?.width ?? 0), name).toBeLessThanOrEqual(width);
      expect((box?.y ?? -1) + (box?.height ?? 0), name).toBeLessThanOrEqual(height);
    }
  });
}

/** How many visible pieces of text on the page say "Step N of M". */
const stepLines = (page: Page) =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let shown = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Text only for screen readers (captions=0) is not on screen.
      if (!parent || parent.closest('.rt-visually-hidden') || !/Step \d+ of \d+/.test(node.textContent ?? ''))
        continue;
      const box = parent.getBoundingClientRect();
      if (parent.checkVisibility({ visibilityProperty: true }) && box.width > 1 && box.height > 1) shown++;
    }
    return shown;
  });

// Issue 11 item 2 in the embed: the caption said "Step 10 of 35: …" and the counter beside the
// buttons "Step 10 of 35" again. With a caption it is said once; without one (captions=0) the counter says it.
test('the embed says "Step N of M" once, in its caption, and in the counter only without a caption', async ({
  page,
}) => {
  await page.setViewportSize({ width: 480, height: 270 });
  await page.goto(`/#scenario=${SCENARIO}&embed=1&motion=0&step=10`);
  await expect(status(page)).toContainText('Step 10 of');
  expect(await stepLines(page)).toBe(1);
  await expect(page.locator('.rt-caption')).toContainText('Step 10 of');
  await page.goto(`/#scenario=${SCENARIO}&embed=1&motion=0&step=10&captions=0`);
  await expect(page.locator('.rt-counter')).toContainText('Step 10 of');
  expect(await stepLines(page)).toBe(1);
});
