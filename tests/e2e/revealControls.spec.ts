import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { deckFrame, openDeck, serveRevealDeck } from './revealDeck.ts';

/**
 * reveal.js's own navigation arrows, in a real reveal.js 5 deck set up as docs/embedding.md says:
 * by default they sit in the window's bottom-right corner, over the embed's Fullscreen button (seen
 * at 1280×720, issue 11's screenshots); with the option the docs give, no arrow covers a control of
 * the player's frame, at the projectors' sizes.
 */

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'embedding.md'), 'utf8');
/** The controlsLayout the reveal.js section of docs/embedding.md tells teachers to set. */
const documented = /controlsLayout: '([\w-]+)'/.exec(doc)?.[1];

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly name: string;
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) > Math.max(a.left, b.left) &&
  Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

/** reveal.js's arrows that show (enabled ones), in the window's pixels. */
const arrows = (page: Page): Promise<Box[]> =>
  page.locator('.reveal .controls button').evaluateAll((buttons) =>
    buttons
      .filter((b) => {
        const style = getComputedStyle(b);
        return style.visibility === 'visible' && Number(style.opacity) > 0 && style.display !== 'none';
      })
      .map((b) => {
        const r = b.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, name: b.className };
      }),
  );

/** The player's buttons, in the window's pixels (the frame's box and reveal.js's scale applied). */
async function playerButtons(page: Page): Promise<Box[]> {
  const frame = (await page.locator('#player iframe').boundingBox())!;
  // reveal.js draws the slide scaled, and its frame at most 95% of the slide (reveal.css).
  const scale =
    frame.width /
    (await deckFrame(page)
      .locator('html')
      .evaluate(() => window.innerWidth));
  const inside = await deckFrame(page)
    .locator('button')
    .evaluateAll((buttons) =>
      buttons
        .filter((b) => b.getBoundingClientRect().width > 0)
        .map((b) => {
          const r = b.getBoundingClientRect();
          return {
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
            name: b.getAttribute('aria-label') ?? b.textContent ?? '',
          };
        }),
    );
  return inside.map((b) => ({
    name: b.name,
    left: frame.x + b.left * scale,
    right: frame.x + b.right * scale,
    top: frame.y + b.top * scale,
    bottom: frame.y + b.bottom * scale,
  }));
}

test('docs/embedding.md names a controlsLayout for reveal.js', () => {
  expect(documented, "controlsLayout: '…' in docs/embedding.md").toBeTruthy();
});

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
  [1920, 1080],
] as const)
  test(`${width}×${height}: reveal.js's arrows, laid out as the docs say, cover no control of the player`, async ({
    page,
    baseURL,
  }) => {
    const deck = await serveRevealDeck(`${baseURL}#scenario=cache-hit&step=1&embed=1&api=1&handoff=1`);
    try {
      await page.setViewportSize({ width, height });
      await openDeck(page, deck, 2);
      await expect(deckFrame(page).getByRole('button', { name: /full ?screen/i })).toBeVisible();
      await page.evaluate(
        (layout) =>
          (window as unknown as { Reveal: { configure(o: object): void } }).Reveal.configure({
            controlsLayout: layout,
          }),
        documented ?? 'bottom-right',
      );
      await page.waitForTimeout(300);
      const shown = await arrows(page);
      expect(shown.length, 'reveal.js shows its arrows').toBeGreaterThan(0);
      const buttons = await playerButtons(page);
      expect(buttons.length).toBeGreaterThan(3);
      const covered = buttons.flatMap((b) =>
        shown.filter((a) => overlap(a, b)).map((a) => `${a.name} over ${b.name}`),
      );
      expect(covered).toEqual([]);
    } finally {
      await deck.close();
    }
  });
