import { expect, test } from './fixtures.ts';
import { expectFloor, HOP_STEP, measure } from './legibilityFloor.ts';
import { deckFrame, deckPlayerFrame, openDeck, serveRevealDeck } from './revealDeck.ts';

/**
 * The legibility floor inside a real reveal.js 5 deck (the dev dependency, revealDeck.ts), on an
 * origin of its own: a 16:9 slide (960×540, as the Share dialog's snippet sizes the frame) that
 * reveal.js scales to a 1280×720 projector. The frame's on-screen height is the view; its scale
 * multiplies every size.
 */
for (const theme of ['light', 'dark', 'projector'] as const) {
  test(`legibility floor: embed in a 16:9 reveal.js slide at 1280×720, ${theme}`, async ({
    page,
    baseURL,
  }, info) => {
    const deck = await serveRevealDeck(`${baseURL}#embed=1&theme=${theme}&step=${HOP_STEP}&motion=0`);
    try {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openDeck(page, deck, 2);
      await expect(deckFrame(page).getByRole('status')).toContainText(`Step ${HOP_STEP} of`);
      const frame = await deckPlayerFrame(page);
      await page.waitForTimeout(300);
      const iframe = page.locator('#player iframe');
      const { scale, height } = await iframe.evaluate((el: HTMLIFrameElement) => ({
        scale: el.getBoundingClientRect().width / el.offsetWidth,
        height: el.getBoundingClientRect().height,
      }));
      expect(scale, 'reveal.js scales the slide up to the window').toBeGreaterThan(1.2);
      expectFloor(await measure(frame, scale), height, theme === 'projector');
      await page.screenshot({ path: info.outputPath(`reveal-${theme}.png`) });
    } finally {
      await deck.close();
    }
  });
}
