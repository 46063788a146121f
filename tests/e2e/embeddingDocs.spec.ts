import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FrameLocator, Page } from '@playwright/test';
import { parseCommand } from '../../src/core/index.ts';
import { DEFAULT_LINK } from '../../src/core/index.ts';
import { parseHash } from '../../src/core/index.ts';
import { shareSnippets } from '../../src/core/index.ts';
import { expect, test, timelineOf } from './fixtures.ts';

/**
 * Tested snippets: every code block of docs/embedding.md is exercised here. Host pages (```html and
 * Slidev ```md with an <iframe>) are served from another origin with the placeholder address
 * replaced by the app's, and must show the player; the reveal.js slide is checked for its shape and
 * driven as reveal.js would; links (```text) open; commands (```sh) exist; the event example
 * (```json) is what the player really posts. The ```http Content-Security-Policy is tested by
 * singleFile.spec.ts.
 */

const root = join(import.meta.dirname, '..', '..');
const docPath = join(root, 'docs', 'embedding.md');
const doc = readFileSync(docPath, 'utf8');
const PLACEHOLDER = 'https://roundtrip.example/';
const singleFile = join(root, 'dist-single', 'roundtrip.html');

interface Block {
  readonly lang: string;
  readonly code: string;
  readonly line: number;
}

const blocks: readonly Block[] = [...doc.matchAll(/^```(\S*)[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1] ?? '',
  code: m[2] ?? '',
  line: doc.slice(0, m.index).split('\n').length,
}));

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every Roundtrip address in a block (iframe src / data-src, Slidev url:, lines of links). */
const addressesIn = (code: string): string[] =>
  [...code.matchAll(/(?:https:\/\/roundtrip\.example\/|roundtrip\.html)#[^\s"'<>]*/g)].map((m) =>
    unescapeHtml(m[0]),
  );

/** The app's own address stands in for the placeholder. */
const withApp = (code: string, app: string) => code.replaceAll(PLACEHOLDER, app);

/**
 * Host pages are served by a loopback server of this spec's own: another origin than the app's, as
 * a real deck or LMS is. (A routed page has no address, and Chromium's local-network checks refuse
 * to let it frame the loopback app.)
 */
const hostPages = new Map<string, string>();
let hostServer: Server | null = null;
let host = '';

test.beforeAll(async () => {
  hostServer = createServer((request, response) => {
    const html = hostPages.get(request.url ?? '');
    // The browser asks for a favicon; an empty one keeps the console clean.
    if (request.url === '/favicon.ico') response.writeHead(204).end();
    else if (html === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => hostServer?.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => hostServer?.close(resolve));
});

let served = 0;
/** Serves `html` as a page of the host origin and opens it. */
async function serveHostPage(page: Page, html: string): Promise<void> {
  const path = `/page-${++served}.html`;
  hostPages.set(path, html);
  await page.goto(`${host}${path}`);
}

/** Expects a frame to show the player at a step, with no notice about its link. */
async function expectPlayer(frame: FrameLocator, step = 1): Promise<void> {
  await expect(frame.getByRole('status')).toContainText(`Step ${step} of `);
  await expect(frame.getByRole('alert')).toHaveCount(0);
}

/** The attributes of the first element named `tag` in some HTML, parsed by the browser. */
const attributesOf = (page: Page, html: string, tag: string) =>
  page.evaluate(
    ([markup, name]) => {
      const element = new DOMParser().parseFromString(markup, 'text/html').querySelector(name);
      return element ? Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])) : null;
    },
    [html, tag] as const,
  );

const described = (block: Block) => `\`\`\`${block.lang} at docs/embedding.md:${block.line}`;

test.describe('docs/embedding.md', () => {
  test('has snippets, and only kinds this spec knows how to test', () => {
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks)
      expect(['html', 'md', 'text', 'sh', 'http', 'json'], described(block)).toContain(block.lang);
  });

  test('every Roundtrip link in a snippet is valid: no parameter ignored', () => {
    const addresses = blocks.flatMap((b) => addressesIn(b.code));
    expect(addresses.length).toBeGreaterThan(5);
    for (const address of addresses) {
      const hash = address.slice(address.indexOf('#'));
      expect(parseHash(hash).problems, address).toEqual([]);
    }
  });

  test('documents every link parameter in its table', () => {
    for (const name of Object.keys(DEFAULT_LINK))
      expect(doc).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
  });

  test('documents commands the player accepts', () => {
    const commands = [...doc.matchAll(/^\| `\w+` +\| `(\{ "roundtrip": 1, "command"[^`]*\})` +\|/gm)].map(
      (m) => m[1] ?? '',
    );
    const names = commands.map((c) => parseCommand(JSON.parse(c))?.command);
    expect(names).toEqual(['play', 'pause', 'next', 'prev', 'restart', 'goto', 'getState', 'setScenario']);
  });

  test('links to its own headings only', () => {
    const slug = (heading: string) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
    const anchors = new Set([...doc.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));
    for (const [, target] of doc.matchAll(/\]\(#([^)]+)\)/g))
      expect([...anchors], `#${target}`).toContain(target);
  });

  test('the iframe and reveal.js snippets are the ones the Share dialog produces', async ({ page }) => {
    const shareOf = (address: string, title: string) =>
      shareSnippets(PLACEHOLDER, parseHash(address.slice(address.indexOf('#'))).state, title);
    const html = blocks.filter((b) => b.lang === 'html');
    const reveal = html.filter((b) => b.code.includes('data-src'));
    expect(reveal.length).toBeGreaterThan(0);
    for (const block of reveal) {
      const frame = await attributesOf(page, block.code, 'section > iframe[data-src]');
      expect(frame, described(block)).not.toBeNull();
      const expected = shareOf(frame!['data-src']!, frame!['title']!.replace(/^Roundtrip: /, '')).reveal;
      expect(frame, described(block)).toEqual(await attributesOf(page, expected, 'section > iframe'));
    }
    // The LMS snippet is the dialog's iframe, attribute for attribute.
    let found = false;
    for (const block of html.filter((b) => !b.code.includes('data-src') && !b.code.includes('<script'))) {
      const frame = await attributesOf(page, block.code, 'iframe');
      if (!frame?.['src']) continue;
      const expected = shareOf(frame['src'], (frame['title'] ?? '').replace(/^Roundtrip: /, '')).iframe;
      if (JSON.stringify(frame) === JSON.stringify(await attributesOf(page, expected, 'iframe')))
        found = true;
    }
    expect(found, 'a snippet equal to the Share dialog iframe').toBe(true);
  });

  for (const block of blocks) {
    if (block.lang === 'html' && block.code.includes('data-src')) {
      test(`reveal.js slide (${described(block)}) loads as reveal.js loads it and hands off at the ends`, async ({
        page,
        baseURL,
      }) => {
        const app = baseURL ?? '';
        // The markup shape reveal.js needs: a <section> holding an <iframe data-src> (no src: loaded lazily).
        const shape = await attributesOf(page, block.code, 'section > iframe');
        expect(shape?.['src']).toBeUndefined();
        expect(shape).toHaveProperty('data-preload');
        const url = new URL(shape?.['data-src'] ?? '');
        const params = new URLSearchParams(url.hash.slice(1));
        expect([params.get('embed'), params.get('api'), params.get('handoff')]).toEqual(['1', '1', '1']);
        const linked = Number(params.get('step') ?? '1');
        const timeline = timelineOf(params.get('scenario') ?? 'first-visit');
        const count = timeline.steps.length;

        // reveal.js stand-in: a deck that records what the frame posts to it (reveal.js's own
        // postMessage API turns {"method":"next","args":[]} into Reveal.next()).
        await serveHostPage(
          page,
          `<!doctype html><html lang="en"><body><div class="reveal"><div class="slides">${withApp(block.code, app)}</div></div>
          <script>
            window.deck = [];
            window.addEventListener('message', (e) => { if (typeof e.data === 'string') window.deck.push(e.data); });
          </script></body></html>`,
        );
        const iframe = page.locator('section > iframe');
        const frame = page.frameLocator('section > iframe');
        const post = (data: unknown) =>
          page.evaluate((d) => document.querySelector('iframe')?.contentWindow?.postMessage(d, '*'), data);
        // What reveal.js does when the slide comes near and becomes current: src from data-src, then
        // slide:start once the frame has loaded.
        await page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const el = document.querySelector('iframe');
              if (!el) throw new Error('no iframe');
              el.addEventListener('load', () => resolve(), { once: true });
              el.setAttribute('src', el.getAttribute('data-src') ?? '');
            }),
        );
        await expect(iframe).toHaveAttribute('src', withApp(url.href, app));
        await expectPlayer(frame, linked);
        await post({ roundtrip: 1, command: 'goto', step: Math.min(4, count) });
        await expect(frame.getByRole('status')).toContainText(`Step ${Math.min(4, count)} of ${count}`);
        await post('slide:start');
        await expect(frame.getByRole('status')).toContainText(
          `Step ${linked} of ${count}: ${timeline.steps[linked - 1]?.title}`,
        );
        // At the first step "prev", and at the last step "next", go to the deck.
        await post({ roundtrip: 1, command: 'goto', step: 1 });
        await post({ roundtrip: 1, command: 'prev' });
        await expect
          .poll(() => page.evaluate(() => (window as unknown as { deck: string[] }).deck))
          .toEqual([JSON.stringify({ method: 'prev', args: [] })]);
        await post({ roundtrip: 1, command: 'goto', step: count });
        await expect(frame.getByRole('status')).toContainText(`Step ${count} of ${count}`);
        await post({ roundtrip: 1, command: 'next' });
        await expect
          .poll(() => page.evaluate(() => (window as unknown as { deck: string[] }).deck))
          .toEqual([
            JSON.stringify({ method: 'prev', args: [] }),
            JSON.stringify({ method: 'next', args: [] }),
          ]);
        await expect(frame.getByRole('status')).toContainText(`Step ${count} of ${count}`);
        // slide:stop pauses a playing player.
        await post({ roundtrip: 1, command: 'restart' });
        await post({ roundtrip: 1, command: 'play' });
        await expect(frame.getByRole('button', { name: 'Pause' })).toBeVisible();
        await post('slide:stop');
        await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
      });

      // PRODUCT.md §5: with handoff=1 the clicker passes on to the deck at the ends.
      test(`reveal.js slide (${described(block)}): the clicker in the frame hands off at the last step`, async ({
        page,
        baseURL,
      }) => {
        await serveHostPage(
          page,
          `<!doctype html><div class="reveal"><div class="slides">${withApp(block.code, baseURL ?? '').replace('data-src=', 'src=')}</div></div>
          <script>
            window.deck = [];
            window.addEventListener('message', (e) => { if (typeof e.data === 'string') window.deck.push(e.data); });
          </script>`,
        );
        const frame = page.frameLocator('section > iframe');
        await expectPlayer(frame);
        await frame.getByRole('region', { name: 'Request diagram' }).click({ position: { x: 20, y: 20 } });
        await page.keyboard.press('End');
        await page.keyboard.press('PageDown');
        await expect
          .poll(() => page.evaluate(() => (window as unknown as { deck: string[] }).deck))
          .toEqual([JSON.stringify({ method: 'next', args: [] })]);
      });
    } else if (block.lang === 'html' && block.code.includes('<script')) {
      test(`postMessage host page (${described(block)}) hears ready and drives the player`, async ({
        page,
        baseURL,
      }) => {
        await serveHostPage(page, withApp(block.code, baseURL ?? ''));
        const src = (await page.locator('iframe').getAttribute('src')) ?? '';
        const params = new URLSearchParams(src.slice(src.indexOf('#') + 1));
        expect(params.get('api')).toBe('1');
        const scenario = params.get('scenario') ?? 'first-visit';
        const timeline = timelineOf(scenario);
        const count = timeline.steps.length;
        const frame = page.frameLocator('iframe');
        await expectPlayer(frame);
        // The documented script received the player's ready event and shows it.
        const where = page.locator('output');
        await expect(where).toHaveText(`ready: step 1 of ${count}, ${timeline.steps[0]?.title}`);
        // Its buttons send commands; each step event comes back.
        await page.getByRole('button', { name: 'Forward' }).click();
        await expect(frame.getByRole('status')).toContainText(
          `Step 2 of ${count}: ${timeline.steps[1]?.title}`,
        );
        await expect(where).toHaveText(`step: step 2 of ${count}, ${timeline.steps[1]?.title}`);
        await page.getByRole('button', { name: 'Back' }).click();
        await expect(where).toHaveText(`step: step 1 of ${count}, ${timeline.steps[0]?.title}`);
        for (const button of await page.getByRole('button').all()) {
          const name = (await button.textContent()) ?? '';
          const target = /cache miss/i.test(name) ? 'cache-miss' : null;
          if (!target) continue;
          await button.click();
          const other = timelineOf(target);
          await expect(frame.getByRole('status')).toContainText(
            `of ${other.steps.length}: ${other.steps[0]?.title}`,
          );
          await expect(where).toHaveText(`step: step 1 of ${other.steps.length}, ${other.steps[0]?.title}`);
        }
      });
    } else if (block.lang === 'html' || (block.lang === 'md' && block.code.includes('<iframe'))) {
      test(`host page (${described(block)}) shows the player in its frame`, async ({ page, baseURL }) => {
        const html =
          block.lang === 'md' ? (block.code.match(/<iframe[\s\S]*?<\/iframe>/)?.[0] ?? '') : block.code;
        expect(html).toContain('<iframe');
        await serveHostPage(page, withApp(html, baseURL ?? ''));
        const frames = await page.locator('iframe').count();
        expect(frames).toBeGreaterThan(0);
        for (let i = 0; i < frames; i++) {
          const src = (await page.locator('iframe').nth(i).getAttribute('src')) ?? '';
          const step = Number(new URLSearchParams(src.slice(src.indexOf('#') + 1)).get('step') ?? '1');
          await expectPlayer(page.frameLocator('iframe').nth(i), step);
          await page.frameLocator('iframe').nth(i).getByRole('button', { name: 'Next step' }).click();
          await expect(page.frameLocator('iframe').nth(i).getByRole('status')).toContainText(
            `Step ${step + 1} of `,
          );
        }
      });
    } else if (block.lang === 'md') {
      test(`Slidev iframe layout (${described(block)}) shows the player`, async ({ page, baseURL }) => {
        const front = block.code.match(/^---\n([\s\S]*?)\n---$/m)?.[1] ?? '';
        expect(front).toMatch(/^layout: iframe(?:-left|-right)?$/m);
        const url = front.match(/^url: (\S+)$/m)?.[1] ?? '';
        expect(url.startsWith(PLACEHOLDER)).toBe(true);
        // Slidev's iframe layouts render <iframe :src="url"> filling the slide.
        await serveHostPage(
          page,
          `<!doctype html><div class="slidev-layout iframe"><iframe src="${withApp(url, baseURL ?? '').replace(/&/g, '&amp;')}" style="width: 100%; height: 100%"></iframe></div>`,
        );
        await expectPlayer(page.frameLocator('iframe'));
      });
    } else if (block.lang === 'text') {
      test(`links (${described(block)}) open the player`, async ({ page, baseURL }) => {
        const lines = block.code.split('\n').filter((l) => l.trim() !== '');
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
          expect(addressesIn(line), line).toEqual([line]);
          const hash = line.slice(line.indexOf('#'));
          const step = parseHash(hash).state.step;
          if (line.startsWith('roundtrip.html#')) {
            // The offline single file, opened from disk (npm run test:e2e builds it).
            expect(existsSync(singleFile), 'dist-single/roundtrip.html (npm run build:single)').toBe(true);
            await page.goto('about:blank');
            await page.goto(`${pathToFileURL(singleFile).href}${hash}`);
            await expect(page.getByRole('status')).toContainText(`Step ${step} of `);
          } else {
            // As H5P or Web Viewer show it: in a frame of another page.
            await serveHostPage(
              page,
              `<!doctype html><iframe src="${withApp(line, baseURL ?? '').replace(/&/g, '&amp;')}" width="960" height="540"></iframe>`,
            );
            await expectPlayer(page.frameLocator('iframe'), step);
          }
        }
      });
    } else if (block.lang === 'sh') {
      test(`commands (${described(block)}) are npm scripts of this project`, () => {
        const scripts = (
          JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
        ).scripts;
        for (const line of block.code.split('\n').filter((l) => l.trim() !== '')) {
          const name = line.match(/^npm run ([\w:-]+)$/)?.[1];
          expect(name, line).toBeDefined();
          expect(Object.keys(scripts)).toContain(name);
        }
      });
    } else if (block.lang === 'json') {
      test(`event example (${described(block)}) is what the player posts`, async ({ page, baseURL }) => {
        const documented = JSON.parse(block.code) as {
          event: string;
          state: { scenario: string; step: number };
        };
        expect(documented.event).toBe('step');
        await serveHostPage(
          page,
          `<!doctype html><iframe src="${baseURL ?? ''}#scenario=${documented.state.scenario}&amp;embed=1&amp;api=1" width="960" height="540"></iframe>
          <script>window.received = []; window.addEventListener('message', (e) => window.received.push(e.data));</script>`,
        );
        await expectPlayer(page.frameLocator('iframe'));
        const received = () => page.evaluate(() => (window as unknown as { received: unknown[] }).received);
        await expect.poll(received).toContainEqual(expect.objectContaining({ event: 'ready' }));
        // The doc's example follows a goto to the documented step.
        await page.evaluate(
          (step) =>
            document
              .querySelector('iframe')
              ?.contentWindow?.postMessage({ roundtrip: 1, command: 'goto', step }, '*'),
          documented.state.step,
        );
        await expect.poll(received).toContainEqual(documented);
      });
    } else if (block.lang === 'http') {
      test(`header (${described(block)}) is the Content-Security-Policy singleFile.spec.ts tests`, () => {
        expect(block.code.trim()).toMatch(/^Content-Security-Policy: [^\n]+$/);
      });
    }
  }
});
