import type { Page } from '@playwright/test';
import { expect, status, test, timelineOf } from './fixtures.ts';

/**
 * Issue 11 item 4: a presenter's clicker (PageDown / PageUp, or arrows) always steps the request,
 * whatever the teacher clicked last, unless a text field or an open list has the keys; Space plays
 * and pauses as documented, even after a click on "Next step".
 */

const count = timelineOf('cache-hit').steps.length;
const stepShown = (page: Page, step: number) => expect(status(page)).toContainText(`Step ${step} of `);

async function open(page: Page, scenario = 'cache-hit'): Promise<void> {
  await page.goto(`/#scenario=${scenario}&lang=node&db=postgres&step=1`);
  await stepShown(page, 1);
}

/** Chooses as a mouse does: the select takes focus, then the option is picked from the list. */
async function choose(page: Page, name: string, value: string): Promise<void> {
  const select = page.getByRole('combobox', { name });
  await select.focus();
  await select.selectOption(value);
}

for (const [name, value] of [
  ['Scenario', 'cache-hit'],
  ['Language', 'go'],
  ['Database', 'mysql'],
  ['Speed', '2'],
  ['Pace', 'real'],
  ['Theme', 'dark'],
] as const) {
  test(`after choosing a ${name}, the clicker steps the request and leaves the choice alone`, async ({
    page,
  }) => {
    await open(page, name === 'Scenario' ? 'first-visit' : 'cache-hit');
    await choose(page, name, value);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('combobox', { name })).toHaveValue(value);
    await stepShown(page, 3);
    await page.keyboard.press('PageUp');
    await stepShown(page, 2);
    await expect(page.getByRole('combobox', { name })).toHaveValue(value);
    // The keyboard went back to the player.
    await expect(page.getByRole('combobox', { name })).not.toBeFocused();
  });
}

test('a closed list that has the focus does not take the clicker: it steps the request', async ({ page }) => {
  await open(page);
  const scenario = page.getByRole('combobox', { name: 'Scenario' });
  await scenario.focus();
  for (const key of ['PageDown', 'ArrowDown', 'ArrowRight']) await page.keyboard.press(key);
  await stepShown(page, 4);
  for (const key of ['PageUp', 'ArrowUp']) await page.keyboard.press(key);
  await stepShown(page, 2);
  await expect(scenario).toHaveValue('cache-hit');
});

test('Space after clicking "Next step" plays and pauses instead of pressing Next again', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Next step' }).click();
  await stepShown(page, 2);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Playing went on from step 2 (one hop at most), it did not press Next a second time first.
  await expect(status(page)).not.toContainText(`Step 4 of ${count}`);
  await page.keyboard.press('PageDown');
  await expect(status(page)).not.toContainText(`Step 2 of ${count}`);
});

test('Tab to "Next step" and Space still presses it (the keyboard user chose the button)', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press(' ');
  await stepShown(page, 2);
  await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();
});
