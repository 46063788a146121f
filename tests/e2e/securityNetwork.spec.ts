import { test as plain } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { SCENARIOS } from '../../src/core/index.ts';
import { APP_URL } from './appAddress.ts';
import { expect, status, test, timelineOf } from './fixtures.ts';
import { hostPageHtml, serveHtml } from './staticServer.ts';
import type { LoopbackServer } from './staticServer.ts';

/**
 * Proves the app makes no request outside its own origin, in every view: the main view with every
 * scenario stepped through (End, Home), the Share dialog's copy buttons, a node's panel, the
 * themes, fullscreen (F); the embed view; embed + api in a host page on another origin. Every
 * request of the browser context is recorded (and any to another origin refused), and the page is
 * checked for what a request log can miss: WebSockets, EventSource, WebRTC, navigator.sendBeacon,
 * workers, service workers, resource hints (preconnect, dns-prefetch, prefetch, preload) and
 * speculation rules, fonts or @import from elsewhere, and resources loaded per the Performance API.
 */

const app = new URL(APP_URL);

interface Watch {
  /** Everything that left (or tried to leave) for another origin, or a channel that is never allowed. */
  readonly outside: string[];
  /** The same, plus what each document of the page shows: channels opened, hints, fonts, resources. */
  readonly check: (page: Page) => Promise<string[]>;
}

/** A request stays home if it is for the app's origin, inline (data:, blob:), or one of `also` exactly. */
async function watchNetwork(page: Page, also: string[] = []): Promise<Watch> {
  const context = page.context();
  const outside: string[] = [];
  const home = (url: string) =>
    url.startsWith('data:') ||
    url.startsWith('blob:') ||
    url === 'about:blank' ||
    also.includes(url) ||
    new URL(url).origin === app.origin;
  context.on('request', (request) => {
    if (!home(request.url())) outside.push(`${request.resourceType()} ${request.url()}`);
  });
  await context.route('**/*', (route) => (home(route.request().url()) ? route.continue() : route.abort()));
  page.on('websocket', (ws) => outside.push(`websocket ${ws.url()}`));
  // Channels a request log may not show, or that should never be opened at all: each attempt is recorded.
  await context.addInitScript(() => {
    const attempts: string[] = [];
    (window as unknown as { netAttempts: string[] }).netAttempts = attempts;
    const record =
      <T extends object>(name: string, original: T) =>
      (...args: unknown[]) => {
        attempts.push(`${name} ${String(args[0])}`);
        return Reflect.apply(original as (...a: unknown[]) => unknown, navigator, args);
      };
    navigator.sendBeacon = record('sendBeacon', navigator.sendBeacon) as typeof navigator.sendBeacon;
    for (const name of ['WebSocket', 'EventSource', 'RTCPeerConnection', 'Worker', 'SharedWorker'] as const) {
      const Original = window[name] as unknown as (new (...args: unknown[]) => object) | undefined;
      if (!Original) continue;
      Object.defineProperty(window, name, {
        configurable: true,
        writable: true,
        value: new Proxy(Original, {
          construct(target, args) {
            attempts.push(`${name} ${String(args[0])}`);
            return Reflect.construct(target, args) as object;
          },
        }),
      });
    }
    if (navigator.serviceWorker) {
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...args) => {
        attempts.push(`serviceWorker.register ${String(args[0])}`);
        return register(...args);
      };
    }
  });
  const inspect = (frame: Frame) =>
    frame.evaluate((appOrigin) => {
      const recorded = (window as unknown as { netAttempts?: string[] }).netAttempts;
      // A document without the recorder would look clean: that is reported too.
      const found = recorded ? [...recorded] : [`unwatched document ${location.href}`];
      const mine = document.location.origin;
      const elsewhere = (url: string) => {
        if (/^(data|blob|about):/i.test(url)) return false;
        const origin = new URL(url, document.baseURI).origin;
        return origin !== appOrigin && origin !== mine;
      };
      for (const link of document.querySelectorAll('link')) {
        if (/preconnect|dns-prefetch|prefetch|prerender/i.test(link.rel))
          found.push(`hint ${link.rel} ${link.href}`);
        else if (link.href && elsewhere(link.href)) found.push(`link ${link.rel} ${link.href}`);
      }
      for (const el of document.querySelectorAll(
        'script[type="speculationrules"], meta[http-equiv="refresh" i]',
      )) {
        found.push(`${el.tagName} ${el.outerHTML.slice(0, 120)}`);
      }
      // Anything that loads by itself (a link to follow is no request, unless it pings).
      for (const el of document.querySelectorAll(
        '[src], [srcset], [poster], [action], [ping], :not(a)[href]',
      )) {
        for (const attribute of ['src', 'srcset', 'href', 'poster', 'action', 'ping']) {
          const value = el.getAttribute(attribute);
          if (value && !value.startsWith('#') && elsewhere(value))
            found.push(`${el.tagName} ${attribute}=${value}`);
        }
      }
      for (const entry of performance.getEntriesByType('resource')) {
        if (elsewhere(entry.name)) found.push(`resource ${entry.name}`);
      }
      for (const sheet of document.styleSheets) {
        let rules: CSSRuleList;
        try {
          rules = sheet.cssRules;
        } catch {
          found.push(`unreadable stylesheet ${sheet.href ?? '(inline)'}`);
          continue;
        }
        for (const rule of rules) {
          if (rule instanceof CSSImportRule) found.push(`@import ${rule.href}`);
          for (const [, url] of rule.cssText.matchAll(/url\(\s*["']?([^"')]+)/g)) {
            if (url && elsewhere(url)) found.push(`css url ${url}`);
          }
          if (rule instanceof CSSFontFaceRule && /url\(/.test(rule.style.getPropertyValue('src'))) {
            found.push(`@font-face ${rule.style.getPropertyValue('src')}`);
          }
        }
      }
      return found;
    }, app.origin);
  return {
    outside,
    check: async (page) => {
      const inFrames = (await Promise.all(page.frames().map(inspect))).flat();
      const workers = await page.evaluate(async () =>
        navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
      );
      return [
        ...outside,
        ...inFrames,
        ...(workers > 0 ? [`${workers} service worker(s)`] : []),
        ...page
          .context()
          .serviceWorkers()
          .map((w) => `service worker ${w.url()}`),
      ];
    },
  };
}

const servers: LoopbackServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

test.describe('no request outside its own origin', () => {
  test('the main view: every scenario from first to last step and back', async ({ page }) => {
    const { check } = await watchNetwork(page);
    await page.goto('/');
    await expect(status(page)).toContainText('Step 1 of');
    const scenario = page.getByRole('combobox', { name: 'Scenario' });
    for (const { id } of SCENARIOS) {
      const count = timelineOf(id).steps.length;
      await scenario.selectOption(id);
      await expect(status(page)).toContainText(`Step 1 of ${count}:`);
      await page.locator('body').press('End');
      await expect(status(page)).toContainText(`Step ${count} of ${count}:`);
      await page.locator('body').press('Home');
      await expect(status(page)).toContainText(`Step 1 of ${count}:`);
    }
    expect(await check(page)).toEqual([]);
  });

  test('the main view: playing, the Share dialog and its copy buttons, a node, themes, fullscreen (F)', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    const { check } = await watchNetwork(page);
    await page.goto('/#scenario=post-create&lang=ruby&db=mysql');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(status(page)).toContainText('Step 2 of');
    await page.getByRole('button', { name: 'Share' }).click();
    const share = page.getByRole('dialog', { name: 'Share this step' });
    for (const name of ['link to this step', 'embed in a web page or lms (iframe)', 'reveal.js slide']) {
      await share.getByRole('button', { name: `Copy ${name}` }).click();
    }
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('data-src=');
    await page.keyboard.press('Escape');
    await expect(share).toBeHidden();
    await page.keyboard.press('?');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^API server\b/ }).click();
    await page.keyboard.press('Escape');
    for (const theme of ['projector', 'dark', 'light']) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    }
    await page.locator('body').press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.locator('body').press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await page.getByRole('button', { name: 'Fullscreen' }).click();
    await page.keyboard.press('End');
    await expect(status(page)).toContainText(/Step (\d+) of \1:/);
    expect(await check(page)).toEqual([]);
  });

  test('the embed view (embed=1): stepping, playing, fullscreen', async ({ page }) => {
    const { check } = await watchNetwork(page);
    await page.goto('/#scenario=cdn-hit&embed=1');
    await expect(status(page)).toContainText('Step 1 of');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(status(page)).toContainText('Step 2 of');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(status(page)).toContainText('Step 3 of');
    await page.locator('body').press('f');
    await page.locator('body').press('End');
    await page.locator('body').press('f');
    await expect(status(page)).toContainText(/Step (\d+) of \1:/);
    expect(await check(page)).toEqual([]);
  });

  test('embed=1&api=1 in a host page on another origin, driven by postMessage', async ({ page }) => {
    const host = await serveHtml(hostPageHtml(`${APP_URL}#scenario=cache-miss&embed=1&api=1`));
    servers.push(host);
    const { check } = await watchNetwork(page, [host.url]);
    await page.goto(host.url);
    const frame = page.frameLocator('#player');
    await expect(frame.getByRole('status')).toContainText('Step 1 of');
    const send = (data: unknown) =>
      page.evaluate((d) => (window as unknown as { send: (d: unknown) => void }).send(d), data);
    for (const command of ['play', 'pause', 'next', 'next', 'prev', 'getState', 'restart']) {
      await send({ roundtrip: 1, command });
    }
    await send({ roundtrip: 1, command: 'goto', step: 9 });
    await expect(frame.getByRole('status')).toContainText('Step 9 of');
    for (const { id } of SCENARIOS) {
      await send({ roundtrip: 1, command: 'setScenario', scenario: id });
      await expect(frame.getByRole('status')).toContainText(`of ${timelineOf(id).steps.length}:`);
    }
    await send('slide:start');
    await send('slide:stop');
    await frame.getByRole('button', { name: 'Fullscreen' }).click();
    await expect(frame.getByRole('status')).toContainText('Step 1 of');
    expect(host.requested).toEqual(['/']);
    expect(await check(page)).toEqual([]);
  });
});

// The watch is not blind: what the app must never do, done by hand, is all reported. (A plain
// Playwright test: the refused requests log console errors.)
plain(
  'the watch reports fetch, WebSocket, sendBeacon, hints, fonts and images from elsewhere',
  async ({ page }) => {
    const { check } = await watchNetwork(page);
    await page.goto('/#scenario=cache-hit');
    await expect(status(page)).toContainText('Step 1 of');
    await page.evaluate(async () => {
      const away = 'http://198.51.100.7';
      void fetch(`${away}/fetch`).catch(() => undefined);
      new WebSocket('ws://198.51.100.7/socket').onerror = () => undefined;
      navigator.sendBeacon(`${away}/beacon`, 'x');
      for (const rel of ['preconnect', 'dns-prefetch']) {
        document.head.append(Object.assign(document.createElement('link'), { rel, href: away }));
      }
      document.body.append(Object.assign(document.createElement('img'), { src: `${away}/pixel.png` }));
      const font = new FontFace('Elsewhere', `url(${away}/font.woff2)`);
      await font.load().catch(() => undefined);
    });
    const caught = [
      'fetch http://198.51.100.7/fetch',
      'image http://198.51.100.7/pixel.png',
      'font http://198.51.100.7/font.woff2',
      'websocket ws://198.51.100.7/socket',
      'WebSocket ws://198.51.100.7/socket',
      'sendBeacon http://198.51.100.7/beacon',
      'hint preconnect http://198.51.100.7/',
      'hint dns-prefetch http://198.51.100.7/',
      'IMG src=http://198.51.100.7/pixel.png',
      'resource http://198.51.100.7/font.woff2',
    ];
    await expect.poll(() => check(page)).toEqual(expect.arrayContaining(caught));
  },
);
