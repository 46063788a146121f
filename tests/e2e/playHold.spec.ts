import type { Page } from '@playwright/test';
import { expect, status, test } from './fixtures.ts';

/**
 * Issue 11 item 5: with the default "Pause at each hop", Play plays one hop and waits. What a newcomer
 * sees decides whether that reads as broken: the diagram, where the eye follows the packet, says that
 * it is paused at this hop and what continues it, while (and only while) it is held there.
 */

const hold = (page: Page) =>
  page.getByRole('region', { name: 'Request diagram' }).getByText(/^Paused at this hop\. .* continues\.$/);

for (const view of ['main', 'embed'] as const) {
  test(`${view} view: after Play stops at a hop, the diagram says so and what continues it`, async ({
    page,
  }) => {
    await page.goto(`/#scenario=first-visit&step=1${view === 'embed' ? '&embed=1' : ''}`);
    await expect(status(page)).toContainText('Step 1 of ');
    await expect(hold(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(status(page)).toContainText('Step 2 of ');
    // Held at the hop: the words are on the diagram, visible, and name what continues.
    await expect(hold(page)).toBeVisible();
    await expect(hold(page)).toContainText('Play (Space) or Next (→) continues');
    const box = await hold(page).boundingBox();
    const diagram = await page.getByRole('region', { name: 'Request diagram' }).boundingBox();
    expect(box && diagram && box.y >= diagram.y && box.y + box.height <= diagram.y + diagram.height).toBe(
      true,
    );
    // Space continues: the words go while it plays, and come back at the next hop.
    await page.keyboard.press(' ');
    await expect(hold(page)).toHaveCount(0);
    await expect(status(page)).toContainText('Step 3 of ');
    await expect(hold(page)).toBeVisible();
    // Stepping back clears it: nothing is held any more.
    await page.keyboard.press('ArrowLeft');
    await expect(hold(page)).toHaveCount(0);
  });
}

test('a Pause by the user or the end of the journey is not "paused at this hop"', async ({ page }) => {
  await page.goto('/#scenario=first-visit&step=1&pause=none&speed=0.25');
  await expect(status(page)).toContainText('Step 1 of ');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(hold(page)).toHaveCount(0);
  await page.goto('/#scenario=cache-hit&step=10');
  await expect(status(page)).toContainText('Step 10 of 11');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(status(page)).toContainText('Step 11 of 11');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(hold(page)).toHaveCount(0);
});
