import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { expectFloor, HOP_STEP, measure } from './legibilityFloor.ts';
import { serveDirectory } from './staticServer.ts';

/**
 * The legibility floor inside a real reveal.js 5 deck (the dev dependency), on an origin of its own:
 * a 16:9 slide (960×540, as the Share dialog's snippet sizes the frame) that reveal.js scales to a
 * 1280×720 projector. The frame's on-screen height is the view; its scale multiplies every size.
 */
const revealDist = join(import.meta.dirname, '..', '..', 'node_modules', 'reveal.js', 'dist');

const deckHtml = (
  src: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Deck</title><link rel="icon" href="data:," />
<link rel="stylesheet" href="/reveal/reset.css" /><link rel="stylesheet" href="/reveal/reveal.css" />
<link rel="stylesheet" href="/reveal/theme/white.css" /></head><body><div class="reveal"><div class="slides">
<section id="player"><iframe src="${src.replaceAll('&', '&amp;')}" title="Roundtrip" width="960" height="540" style="border: 0"></iframe></section>
</div></div><script src="/reveal/reveal.js"></script>
<script>window.deckReady = Reveal.initialize({ width: 960, height: 540, hash: false, transition: 'none' });</script>
</body></html>`;

for (const theme of ['light', 'dark', 'projector'] as const) {
  test(`legibility floor: embed in a 16:9 reveal.js slide at 1280×720, ${theme}`, async ({
    page,
    baseURL,
  }, info) => {
    const dir = mkdtempSync(join(tmpdir(), 'rt-deck-'));
    symlinkSync(revealDist, join(dir, 'reveal'));
    writeFileSync(
      join(dir, 'index.html'),
      deckHtml(`${baseURL}#embed=1&theme=${theme}&step=${HOP_STEP}&motion=0`),
    );
    const deck = await serveDirectory(dir);
    try {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(deck.url);
      await page.evaluate(() => (window as unknown as { deckReady: Promise<unknown> }).deckReady);
      const iframe = page.locator('#player iframe');
      const frame = await (await iframe.elementHandle())?.contentFrame();
      if (!frame) throw new Error('no player frame');
      await expect(frame.getByRole('status')).toContainText(`Step ${HOP_STEP} of`);
      await page.waitForTimeout(300);
      const { scale, height } = await iframe.evaluate((el: HTMLIFrameElement) => ({
        scale: el.getBoundingClientRect().width / el.offsetWidth,
        height: el.getBoundingClientRect().height,
      }));
      expect(scale, 'reveal.js scales the slide up to the window').toBeGreaterThan(1.2);
      expectFloor(await measure(frame, scale), height, theme === 'projector');
      await page.screenshot({ path: info.outputPath(`reveal-${theme}.png`) });
    } finally {
      await deck.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
