import type { Page } from '@playwright/test';
import { expect, test, timelineOf } from './fixtures.ts';
import { currentSlide, deckFrame, deckReceived, openDeck, serveRevealDeck } from './revealDeck.ts';
import type { RevealDeck } from './revealDeck.ts';

/**
 * Issue 11 item 1: after a hand-off the clicker belongs to the deck again. A real reveal.js 5 deck on
 * another origin than the app frames the player with docs/embedding.md's slide (embed, api, handoff);
 * keys are pressed as a presenter's clicker sends them (PageDown / PageUp, or arrows), so they go to
 * whichever frame has the keyboard — exactly what went wrong in class.
 */

const SCENARIO = 'cache-hit';
const count = timelineOf(SCENARIO).steps.length;
let deck: RevealDeck;

test.beforeAll(async ({ baseURL }) => {
  deck = await serveRevealDeck(
    `${baseURL ?? ''}#scenario=${SCENARIO}&lang=node&db=postgres&step=1&embed=1&api=1&handoff=1`,
  );
});
test.afterAll(async () => deck.close());

type Reveal = { isPaused(): boolean; isOverview(): boolean };
const reveal = <T>(page: Page, read: (r: Reveal) => T) =>
  page.evaluate(`(${read.toString()})(window.Reveal)`) as Promise<T>;

/** The player's caption says it stands at `step` of the scenario. */
const expectPlayerAt = (page: Page, step: number) =>
  expect(deckFrame(page).getByRole('status')).toContainText(`Step ${step} of ${count}`);

/** The teacher clicks into the player (its caption), as its "Click to control" hint asks. */
async function takeKeys(page: Page): Promise<void> {
  await expect(deckFrame(page).getByRole('status')).toBeVisible();
  await deckFrame(page).getByRole('status').click();
}

/** The deck's own keys work: B blacks out, O shows the overview, F goes fullscreen (the deck, not the frame). */
async function expectDeckKeys(page: Page): Promise<void> {
  await page.keyboard.press('b');
  await expect.poll(() => reveal(page, (r) => r.isPaused())).toBe(true);
  await page.keyboard.press('b');
  await expect.poll(() => reveal(page, (r) => r.isPaused())).toBe(false);
  await page.keyboard.press('o');
  await expect.poll(() => reveal(page, (r) => r.isOverview())).toBe(true);
  await page.keyboard.press('o');
  await expect.poll(() => reveal(page, (r) => r.isOverview())).toBe(false);
  await page.keyboard.press('f');
  await expect
    .poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? 'none'))
    .not.toMatch(/^(none|IFRAME)$/);
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
}

for (const [forward, back] of [
  ['PageDown', 'PageUp'],
  ['ArrowRight', 'ArrowLeft'],
] as const) {
  test(`${forward} past the last step moves the deck on, then ${back} and the deck's keys belong to the deck`, async ({
    page,
  }) => {
    await openDeck(page, deck, 1);
    await page.keyboard.press(forward);
    await expect.poll(() => currentSlide(page)).toBe(2);
    await takeKeys(page);
    for (let step = 2; step <= count; step++) {
      await page.keyboard.press(forward);
      await expectPlayerAt(page, step);
    }
    // The last step has arrived (a presenter waits for it; "next" during its move would finish it).
    await expect
      .poll(async () => (await deckReceived(page)).some((m) => (m as { event?: string }).event === 'ended'))
      .toBe(true);
    await page.keyboard.press(forward);
    await expect.poll(() => currentSlide(page)).toBe(3);
    // The frame gave up the keyboard: the clicker's "back" is the deck's, not the hidden player's.
    await page.keyboard.press(back);
    await expect.poll(() => currentSlide(page)).toBe(2);
    // reveal.js's slide:start put the player back at the linked step; nothing stepped it.
    await expectPlayerAt(page, 1);
    await expectDeckKeys(page);
    await page.keyboard.press('PageUp');
    await expect.poll(() => currentSlide(page)).toBe(1);
  });

  test(`${back} before the first step moves the deck back, then ${forward} and the deck's keys belong to the deck`, async ({
    page,
  }) => {
    await openDeck(page, deck, 2);
    await takeKeys(page);
    await page.keyboard.press(forward);
    await expectPlayerAt(page, 2);
    await page.keyboard.press(back);
    await expectPlayerAt(page, 1);
    await page.keyboard.press(back);
    await expect.poll(() => currentSlide(page)).toBe(1);
    await page.keyboard.press(forward);
    await expect.poll(() => currentSlide(page)).toBe(2);
    await expectPlayerAt(page, 1);
    await page.keyboard.press(forward);
    await expect.poll(() => currentSlide(page)).toBe(3);
    await expectDeckKeys(page);
    await page.keyboard.press('PageUp');
    await expect.poll(() => currentSlide(page)).toBe(2);
  });
}
