import { THEMES } from '../../src/core/index.ts';
import { expect, test } from './fixtures.ts';
import { expectFloor, HOP, measureSteps, VIEWS } from './legibilityFloor.ts';
import { deckPlayerFrame, openDeck, serveRevealDeck } from './revealDeck.ts';

/**
 * The legibility floor inside a real reveal.js 5 deck (the dev dependency, revealDeck.ts), on an
 * origin of its own: a 16:9 slide (960×540, as the Share dialog's snippet sizes the frame) that
 * reveal.js scales to a 1280×720 projector, holding the main view or the embed view in every theme.
 * The frame's on-screen height is the view; its scale multiplies every size.
 */
for (const view of VIEWS) {
  for (const theme of THEMES) {
    test(`legibility floor: ${view.name} in a 16:9 reveal.js slide at 1280×720, ${theme}`, async ({
      page,
      baseURL,
    }, info) => {
      const hash = `${view.hash}&theme=${theme}&motion=0`;
      const deck = await serveRevealDeck(`${baseURL}#${hash}&step=${HOP.guess}`);
      try {
        await page.setViewportSize({ width: 1280, height: 720 });
        await openDeck(page, deck, 2);
        const frame = await deckPlayerFrame(page);
        const iframe = page.locator('#player iframe');
        const { scale, height } = await iframe.evaluate((el: HTMLIFrameElement) => ({
          scale: el.getBoundingClientRect().width / el.offsetWidth,
          height: el.getBoundingClientRect().height,
        }));
        expect(scale, 'reveal.js scales the slide up to the window').toBeGreaterThan(1.2);
        expectFloor(await measureSteps(frame, hash, scale), height, theme === 'projector');
        await page.screenshot({ path: info.outputPath(`reveal-${view.hash}-${theme}.png`) });
      } finally {
        await deck.close();
      }
    });
  }
}
