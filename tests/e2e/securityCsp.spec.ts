import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test as plain } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { expect, expectStep, status, test, timelineOf } from './fixtures.ts';
import { hostPageHtml, serveDirectory, serveHtml } from './staticServer.ts';
import type { LoopbackServer } from './staticServer.ts';

/**
 * Proves the built app (dist/) runs under a strict Content-Security-Policy: no eval, no inline
 * script, no <style> element or style="" markup, nothing from another origin. dist/ is served by
 * a loopback server of the test's own with the policy on every response; every view is worked
 * (main view, embed view, embed + api driven by a host page, a sandboxed embed) while each
 * document's `securitypolicyviolation` events and the CSP console messages are collected, and any
 * one fails the test.
 */

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** The policy the quality gate asks for. */
const REQUIRED = "default-src 'self'";

/**
 * The strictest policy the built app is known to satisfy: nothing but its own scripts and styles,
 * no connections, fonts, frames, objects, forms or <base>, Trusted Types enforced with no policy
 * at all (no string ever reaches innerHTML, eval or a script URL). Images only from the app itself
 * (the favicon is a file of its own in the hosted build).
 */
const STRICTEST = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'none'",
  "font-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** How a policy violation is reported: directive, what was blocked, and where (file:line:column). */
interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
  readonly sample: string;
}

/**
 * Watches a page and all its frames: every document records its `securitypolicyviolation` events
 * from its first script on, and console messages about the policy are kept too. `violations()`
 * reads the documents open now and the messages since its last call: call it before navigating.
 */
async function watchPolicy(page: Page): Promise<{ violations: () => Promise<string[]> }> {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Trusted Type/i.test(message.text())) {
      const { url, lineNumber, columnNumber } = message.location();
      messages.push(`console: ${message.text()} (${url}:${lineNumber + 1}:${columnNumber + 1})`);
    }
  });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI || '(inline)',
        source: `${e.sourceFile || e.documentURI}:${e.lineNumber}:${e.columnNumber}`,
        sample: e.sample,
      }),
    );
  });
  // A document without the listener would look clean: that is reported too.
  const unwatched = (frame: Frame): Violation => ({
    directive: 'no listener',
    blocked: 'nothing',
    source: frame.url(),
    sample: 'this document was not watched',
  });
  const fromFrame = async (frame: Frame): Promise<Violation[]> =>
    (await frame.evaluate(() => (window as unknown as { cspViolations?: Violation[] }).cspViolations)) ?? [
      unwatched(frame),
    ];
  return {
    violations: async () => {
      const events = (await Promise.all(page.frames().map(fromFrame))).flat();
      return [
        ...events.map(
          (v) => `${v.directive} blocked ${v.blocked} at ${v.source}${v.sample ? `: ${v.sample}` : ''}`,
        ),
        ...messages.splice(0),
      ];
    },
  };
}

/** The main view, worked everywhere: playing, every dialog and panel, every picker, seeking. */
async function mainView(page: Page, app: LoopbackServer, policy: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  const response = await page.goto(`${app.url}#scenario=first-visit`);
  expect(response?.headers()['content-security-policy']).toBe(policy);
  const first = timelineOf('first-visit');
  await expectStep(page, first, 0);
  // Play animates a hop (packets moved by writing styles, a CSS grow-in), then stops at the hop.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('.rt-packet--current')).toBeVisible();
  await expectStep(page, first, 1);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expectStep(page, first, 3);
  await page.getByRole('button', { name: 'Previous step' }).click();
  await expectStep(page, first, 2);

  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: 'Share this step' });
  await expect(share).toBeVisible();
  await share.getByRole('button', { name: 'Copy link to this step' }).click();
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();

  await page.getByRole('button', { name: 'Keys' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeHidden();

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Whole journey' }).click();
  await page.getByRole('button', { name: /^Recursive resolver\b/ }).click();
  await expect(page.getByRole('region', { name: /Recursive resolver/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Follow the hop' }).click();

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('post-create');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await page.getByRole('combobox', { name: 'Database' }).selectOption('mongodb');
  for (const theme of ['dark', 'projector', 'light', 'system']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  }
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('combobox', { name: 'Pace' }).selectOption('real');
  await page.getByRole('checkbox', { name: 'Pause at each hop' }).uncheck();

  // Seeking: a click half-way along the timeline, then a drag.
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const box = await slider.boundingBox();
  if (!box) throw new Error('the timeline has no box');
  const y = box.y + box.height / 2;
  await page.mouse.click(box.x + box.width / 2, y);
  await expect(status(page)).not.toContainText('Step 1 of');
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await expect(status(page)).toContainText(/Step (\d+) of \1:/);
  // An edited hash, and the projector theme from a link.
  await page.evaluate(() => (location.hash = '#scenario=nxdomain&step=3&theme=projector'));
  await expectStep(page, timelineOf('nxdomain'), 2);
  await page.getByRole('button', { name: 'Play' }).click();
  await expectStep(page, timelineOf('nxdomain'), 3);
}

/** The embed view on its own page: stepping, playing, a click on the diagram, fullscreen. */
async function embedView(page: Page, app: LoopbackServer) {
  const cacheHit = timelineOf('cache-hit');
  const count = cacheHit.steps.length;
  await page.goto(`${app.url}#scenario=cache-hit&embed=1`);
  await expect(status(page)).toContainText(`Step 1 of ${count}`);
  await page.getByRole('region', { name: 'Request diagram' }).click({ position: { x: 20, y: 20 } });
  // Play animates the first hop and stops there (pause at each hop).
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(status(page)).toContainText(`Step 2 of ${count}`);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(status(page)).toContainText(`Step 3 of ${count}`);
  await page.getByRole('button', { name: 'Fullscreen' }).click();
  await page.keyboard.press('End');
  await expect(status(page)).toContainText(`Step ${count} of ${count}`);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
  await page.keyboard.press('Escape');
}

/** The embed view with api=1 in a host page on another origin, driven by postMessage. */
async function embedApi(
  page: Page,
  app: LoopbackServer,
  servers: LoopbackServer[],
  frameAttributes?: string,
) {
  const host = await serveHtml(hostPageHtml(`${app.url}#scenario=cache-hit&embed=1&api=1`, frameAttributes));
  servers.push(host);
  await page.goto(host.url);
  const frame = page.frameLocator('#player');
  const cacheHit = timelineOf('cache-hit');
  const count = cacheHit.steps.length;
  await expect(frame.getByRole('status')).toContainText(`Step 1 of ${count}`);
  const send = (data: unknown) =>
    page.evaluate((d) => (window as unknown as { send: (d: unknown) => void }).send(d), data);
  await expect
    .poll(() => page.evaluate(() => JSON.stringify((window as unknown as { received: unknown[] }).received)))
    .toContain('"event":"ready"');
  await send({ roundtrip: 1, command: 'play' });
  await expect(frame.getByRole('status')).toContainText(`Step 2 of ${count}`);
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  await send({ roundtrip: 1, command: 'next' });
  await expect(frame.getByRole('status')).toContainText(`Step 3 of ${count}`);
  await send({ roundtrip: 1, command: 'goto', step: 6 });
  await expect(frame.getByRole('status')).toContainText(`Step 6 of ${count}: ${cacheHit.steps[5]?.title}`);
  await send({ roundtrip: 1, command: 'getState' });
  await send({ roundtrip: 1, command: 'setScenario', scenario: 'nxdomain' });
  await expect(frame.getByRole('status')).toContainText(`of ${timelineOf('nxdomain').steps.length}:`);
  await send('slide:start');
  await send({ roundtrip: 1, command: 'restart' });
  await send('slide:stop');
  await frame.getByRole('button', { name: 'Next step' }).click();
  await expect(frame.getByRole('status')).toContainText('Step 2 of');
}

const servers: LoopbackServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function servedWith(policy: string): Promise<LoopbackServer> {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run "node_modules/.bin/vite build" first.`);
  }
  const app = await serveDirectory(dist, {
    'Content-Security-Policy': policy,
    'Access-Control-Allow-Origin': '*',
  });
  servers.push(app);
  return app;
}

test.describe(`the built app under "${REQUIRED}"`, () => {
  test('every view works with no violation', async ({ page }) => {
    const app = await servedWith(REQUIRED);
    const { violations } = await watchPolicy(page);
    await mainView(page, app, REQUIRED);
    const seen = await violations();
    await embedView(page, app);
    seen.push(...(await violations()));
    await embedApi(page, app, servers);
    seen.push(...(await violations()));
    expect(seen).toEqual([]);
  });
});

test.describe('the built app under the strictest policy it satisfies (STRICTEST)', () => {
  test('the main view: playing, share, keys, a node, every picker, themes, seeking', async ({ page }) => {
    const app = await servedWith(STRICTEST);
    const { violations } = await watchPolicy(page);
    await mainView(page, app, STRICTEST);
    expect(await violations()).toEqual([]);
  });

  test('the embed view (embed=1)', async ({ page }) => {
    const app = await servedWith(STRICTEST);
    const { violations } = await watchPolicy(page);
    await embedView(page, app);
    expect(await violations()).toEqual([]);
  });

  test('embed=1&api=1 in a host page on another origin, driven by postMessage', async ({ page }) => {
    const app = await servedWith(STRICTEST);
    const { violations } = await watchPolicy(page);
    await embedApi(page, app, servers);
    expect(await violations()).toEqual([]);
  });

  test('embed=1&api=1 in a sandbox="allow-scripts" frame (an LMS), with no origin of its own', async ({
    page,
  }) => {
    const app = await servedWith(STRICTEST);
    const { violations } = await watchPolicy(page);
    await embedApi(page, app, servers, 'sandbox="allow-scripts"');
    const player = page.frames().find((f) => f.url().startsWith(app.url));
    expect(await player?.evaluate(() => origin)).toBe('null');
    expect(await violations()).toEqual([]);
  });
});

// The watch is not blind: with the same policy, what the app must never do is reported. (A plain
// Playwright test: the console errors are the point here.)
plain(
  'the watch reports HTML and script URLs from strings, a <style> element and style="" markup',
  async ({ page }) => {
    const app = await servedWith(STRICTEST);
    const { violations } = await watchPolicy(page);
    await page.goto(`${app.url}#scenario=cache-hit`);
    await expect(status(page)).toContainText('Step 1 of');
    // Each is tried on its own; under Trusted Types the sinks throw as well as report.
    const attempts: readonly string[] = [
      "document.body.insertAdjacentHTML('beforeend', '<b>markup</b>')",
      "const s = document.createElement('script'); s.src = 'data:text/javascript,1'; document.body.append(s)",
      "const s = document.createElement('style'); s.append('body { color: red }'); document.head.append(s)",
      "document.body.setAttribute('style', 'color: red')",
    ];
    for (const attempt of attempts) {
      await page.evaluate(`try { ${attempt} } catch {}`);
    }
    await expect
      .poll(violations)
      .toEqual([
        expect.stringMatching(/^require-trusted-types-for blocked trusted-types-sink .*insertAdjacentHTML/),
        expect.stringMatching(
          /^require-trusted-types-for blocked trusted-types-sink .*HTMLScriptElement src/,
        ),
        expect.stringMatching(/^style-src-elem blocked inline /),
        expect.stringMatching(/^style-src-attr blocked inline /),
        expect.stringMatching(/^console: Applying inline style violates/),
        expect.stringMatching(/^console: Applying inline style violates/),
      ]);
  },
);
