import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import type { Frame, FrameLocator, Page } from '@playwright/test';

/**
 * A real reveal.js 5 deck (the dev dependency, not a stand-in) on an origin of its own: three slides,
 * the middle one holding the Share dialog's reveal.js slide (docs/embedding.md) with the given frame
 * address. The deck is 16:9 (960×540, reveal.js scales it to the window as in a lecture).
 *
 *   const deck = await serveRevealDeck(`${baseURL}#scenario=cache-hit&embed=1&api=1&handoff=1`);
 *   await openDeck(page, deck, 2);            // the player's slide is current, its frame loaded
 *   const player = deckFrame(page);           // FrameLocator of the player
 *   await deck.close();
 */

const revealDist = join(import.meta.dirname, '..', '..', 'node_modules', 'reveal.js', 'dist');

export interface RevealDeckOptions {
  /** The slide's size in reveal.js's coordinates; 960×540 (16:9) unless said. */
  readonly width?: number;
  readonly height?: number;
  /** The frame's attributes besides data-src; the Share dialog's unless said. */
  readonly frameAttributes?: string;
}

export interface RevealDeck {
  /** The deck's address (another origin than the app's). */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** The deck's HTML: slide 1 "Before", slide 2 the player's frame, slide 3 "After". */
export function revealDeckHtml(src: string, options: RevealDeckOptions = {}): string {
  const { width = 960, height = 540 } = options;
  const attributes =
    options.frameAttributes ??
    `data-preload title="Roundtrip" width="${width}" height="${height}" style="border: 0" allow="fullscreen"`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Deck</title>
  <link rel="stylesheet" href="/reveal/reset.css" />
  <link rel="stylesheet" href="/reveal/reveal.css" />
  <link rel="stylesheet" href="/reveal/theme/white.css" />
  </head><body><div class="reveal"><div class="slides">
    <section id="before"><h2>Before</h2><p>The slide before the player.</p></section>
    <section id="player"><iframe data-src="${escapeAttribute(src)}" ${attributes}></iframe></section>
    <section id="after"><h2>After</h2><p>The slide after the player.</p></section>
  </div></div>
  <script src="/reveal/reveal.js"></script>
  <script>
    // What the player posts to the deck (its events, and its hand-offs as reveal.js calls).
    window.received = [];
    window.addEventListener('message', (e) => window.received.push(e.data));
    window.deckReady = Reveal.initialize({ width: ${width}, height: ${height}, hash: false, history: false, transition: 'none' })
      .then(() => true);
  </script>
  </body></html>`;
}

/** Serves the deck at "/" and reveal.js's dist files at "/reveal/…" on a loopback origin of its own. */
export async function serveRevealDeck(src: string, options: RevealDeckOptions = {}): Promise<RevealDeck> {
  const html = revealDeckHtml(src, options);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const file = normalize(join(revealDist, path.replace(/^\/reveal\//, '/')));
    if (!path.startsWith('/reveal/') || !file.startsWith(revealDist + sep)) {
      response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    const type = file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
    readFile(file).then(
      (body) => response.writeHead(200, { 'Content-Type': type }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The deck's current slide, counted from 1 (reveal.js's horizontal index + 1). */
export const currentSlide = (page: Page): Promise<number> =>
  page.evaluate(
    () => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h + 1,
  );

/** What the player has posted to the deck so far (objects for its events, strings for hand-offs). */
export const deckReceived = (page: Page): Promise<unknown[]> =>
  page.evaluate(() => (window as unknown as { received: unknown[] }).received);

/** The player's frame on slide 2. */
export const deckFrame = (page: Page): FrameLocator => page.frameLocator('#player iframe');

/** The player's Frame object (for focus checks), once reveal.js has loaded it. */
export async function deckPlayerFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#player iframe').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the player frame has not loaded');
  return frame;
}

/** Opens the deck and goes to `slide` (1–3) the way a presenter would: with the deck's own API. */
export async function openDeck(page: Page, deck: RevealDeck, slide = 1): Promise<void> {
  await page.goto(deck.url);
  await page.waitForFunction(() => (window as unknown as { deckReady?: Promise<boolean> }).deckReady);
  await page.evaluate(() => (window as unknown as { deckReady: Promise<boolean> }).deckReady);
  if (slide !== 1)
    await page.evaluate(
      (h) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(h),
      slide - 1,
    );
}
