import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * The address bar is a link to where the player stands (PRODUCT.md §5), but writing it on every step
 * of playback cost 4.4% of a playback profile. While playing it is written at most every 2 s; it is
 * right again the moment playback stops or pauses, and the moment the page loses focus (the user
 * going to the address bar to copy it).
 */

declare global {
  interface Window {
    linkWrites: string[];
  }
}

/** The step the status line shows, and the step the address bar links to, read in one task. */
const shownAndLinked = (page: Page, before?: 'blur') =>
  page.evaluate((event) => {
    if (event) window.dispatchEvent(new Event(event));
    const shown = /Step (\d+) of/.exec(document.querySelector('[role="status"]')?.textContent ?? '')?.[1];
    const linked = /[#&]step=(\d+)/.exec(location.hash)?.[1];
    return { shown: Number(shown), linked: Number(linked) };
  }, before);

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.linkWrites = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (data, unused, url) => {
      window.linkWrites.push(String(url));
      replace(data, unused, url);
    };
  });
});

test('playing rewrites the address at most every 2 s, and the link is right when playback pauses', async ({
  page,
}) => {
  await page.goto('/#step=1&pause=none&speed=4&pace=teaching');
  await expect(page.getByRole('status')).toContainText('Step 1 of');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(3500);
  const { shown: during, linked: linkedDuring } = await shownAndLinked(page);
  const writes = await page.evaluate(() => window.linkWrites.filter((u) => u.includes('step=')).length);
  // 1.2 s a step at 4×: some eleven steps in 3.5 s (fewer on a loaded machine), two or three writes.
  expect(during, 'playback went on').toBeGreaterThanOrEqual(6);
  expect(writes, `${writes} writes for ${during - 1} steps`).toBeLessThanOrEqual(Math.ceil(during / 2));
  expect(linkedDuring, 'the link is at most a few steps behind').toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await shownAndLinked(page);
  expect(paused.linked, 'the link is right once paused').toBe(paused.shown);
});

test('while playing, the link is right the moment the page loses focus (the user goes to copy it)', async ({
  page,
}) => {
  await page.goto('/#step=1&pause=none&speed=4&pace=teaching');
  await expect(page.getByRole('status')).toContainText('Step 1 of');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    () =>
      Number(/Step (\d+) of/.exec(document.querySelector('[role="status"]')?.textContent ?? '')?.[1]) >= 4,
  );
  const { shown, linked } = await shownAndLinked(page, 'blur');
  expect(linked).toBe(shown);
  await expect(page.getByRole('button', { name: 'Pause' }), 'still playing').toBeVisible();
});

test('playback that ends by itself leaves the link at the last step', async ({ page }) => {
  await page.goto('/#scenario=cache-hit&step=1&pause=none&speed=4&pace=real');
  await expect(page.getByRole('status')).toContainText('Step 1 of');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 30_000 });
  const { shown, linked } = await shownAndLinked(page);
  expect(linked).toBe(shown);
});
