import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as plain } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectStep, status, test, timelineOf } from './fixtures.ts';

/**
 * The offline single file (`npm run build:single`, vite.single.config.ts): dist-single/roundtrip.html
 * opened straight from disk with every network request refused, and served with the strictest
 * Content-Security-Policy it works under. `npm run test:e2e` builds it before these tests run.
 */

const outDir = join(import.meta.dirname, '..', '..', 'dist-single');
const singleFile = join(outDir, 'roundtrip.html');
const fileUrl = pathToFileURL(singleFile).href;

/**
 * The policy docs/embedding.md gives for serving roundtrip.html (its ```http block): nothing but the
 * file's own inline code and its data: favicon. Read from the doc, so the doc says what is tested.
 */
const CSP =
  readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'embedding.md'), 'utf8').match(
    /^```http\nContent-Security-Policy: ([^\n]+)\n```$/m,
  )?.[1] ?? 'missing from docs/embedding.md';

const readSingleFile = (): string => {
  if (!existsSync(singleFile)) {
    throw new Error(`${singleFile} is missing: run "npm run build:single" (npm run test:e2e does) first.`);
  }
  return readFileSync(singleFile, 'utf8');
};

/**
 * Refuses every request that is not for a file (or inline data) and records it: the single file
 * must never try the network.
 */
async function offline(context: BrowserContext): Promise<string[]> {
  const attempts: string[] = [];
  const local = (url: string) => url.startsWith('file:') || url.startsWith('data:');
  context.on('request', (request) => {
    if (!local(request.url())) attempts.push(request.url());
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    attempts.push(url);
    return route.abort();
  });
  return attempts;
}

test.describe('the offline single file', () => {
  test('is one file with nothing to fetch: no external src or href, no import() of a file', () => {
    const html = readSingleFile();
    expect(readdirSync(outDir)).toEqual(['roundtrip.html']);
    // No attribute pointing at another site, with or without a scheme ("//host/…"), in the markup. Inline
    // scripts are left out of this one: their string literals hold other formats' markup (PptxGenJS writes
    // `action="ppaction://hlinksldjump"` into a slide's XML), which the page never parses as HTML; what the
    // scripts may fetch is checked below (no import() of a file) and by the offline test with the network refused.
    const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
    expect(markup.length).toBeLessThan(html.length / 10);
    // Every script and style inline: no <script src>, no stylesheet or preload links. (The app's own code
    // holds `<link rel="stylesheet" …>` as text: cdn-hit shows the page's markup that loads the CSS.)
    expect(markup).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
    expect(markup).not.toMatch(/<link\b[^>]*\brel\s*=\s*["']?(?:stylesheet|modulepreload|preload|manifest)/i);
    expect(markup).not.toMatch(
      /\b(?:src|href|srcset|action|poster)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i,
    );
    // No CSS fetching anything (fonts, icons, imports) from a URL.
    expect(html).not.toMatch(/@import\b/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i);
    expect(html).not.toMatch(
      /url\(\s*["']?\s*\.{0,2}\/[^)]*\.(?:woff2?|ttf|otf|svg|png|jpe?g|gif|webp|ico)/i,
    );
    // Any lazily imported chunk is bundled in, not import()ed.
    expect(html).not.toMatch(/\bimport\s*\(\s*["'`]/);
    expect(html).not.toMatch(/assets\/[-\w]+\.js/);
  });

  test('opens from file:// with no network at the linked scenario, stack and step', async ({
    page,
    context,
  }) => {
    readSingleFile();
    const attempts = await offline(context);
    const timeline = timelineOf('cache-hit', { lang: 'go', db: 'mysql' });
    await page.goto(`${fileUrl}#scenario=cache-hit&lang=go&db=mysql&step=5`);
    await expect(status(page)).toContainText(
      `Step 5 of ${timeline.steps.length}: ${timeline.steps[4]?.title}.`,
    );
    await expectStep(page, timeline, 4);
    const language = page.getByRole('combobox', { name: 'Language' });
    await expect(language).toHaveValue('go');
    await expect(language.locator('option:checked')).toHaveText(/^Go\b/);
    await expect(page.getByRole('combobox', { name: 'Database' })).toHaveValue('mysql');
    // Playing animates the next hop.
    await page.getByRole('button', { name: 'Play' }).click();
    await expectStep(page, timeline, 5);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expectStep(page, timeline, 6);
    // The address stays a link to where the player stands, on file:// too.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('step=7');
    expect(attempts, 'requests outside the file').toEqual([]);
  });

  test('carries every scenario’s extra stages: a scenario that needs some opens and is chosen offline', async ({
    page,
    context,
  }) => {
    readSingleFile();
    const attempts = await offline(context);
    const stack = { lang: 'python', db: 'mongodb' } as const;
    await page.goto(`${fileUrl}#scenario=kubernetes&lang=python&db=mongodb&step=3`);
    await expectStep(page, timelineOf('kubernetes', stack), 2);
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('http2');
    await expectStep(page, timelineOf('http2', stack), 2);
    expect(attempts, 'requests outside the file').toEqual([]);
  });

  test('Share gives links relative to the file (roundtrip.html#…), not file:/// addresses of this computer', async ({
    page,
  }) => {
    readSingleFile();
    await page.goto(`${fileUrl}#scenario=cache-hit&lang=go&db=mysql&step=5`);
    await expect(status(page)).toContainText('Step 5 of ');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this step' });
    const link = await dialog.getByRole('textbox', { name: 'Link to this step' }).inputValue();
    expect(link).toMatch(/^roundtrip\.html#scenario=cache-hit&lang=go&db=mysql&step=5(&|$)/);
    for (const name of ['Embed in a web page or LMS (iframe)', 'reveal.js slide']) {
      const snippet = await dialog.getByRole('textbox', { name }).inputValue();
      expect(snippet, name).toMatch(/src="roundtrip\.html#scenario=cache-hit&amp;/);
      expect(snippet, name).not.toContain('file:');
    }
    // The link opens next to the file, as a deck on the same stick would open it.
    await page.goto(new URL(link, fileUrl).href);
    await expect(status(page)).toContainText('Step 5 of ');
  });

  test('opens the embed view from file:// with embed=1', async ({ page, context }) => {
    readSingleFile();
    const attempts = await offline(context);
    const timeline = timelineOf('cache-hit', { lang: 'go', db: 'mysql' });
    const count = timeline.steps.length;
    await page.goto(`${fileUrl}#scenario=cache-hit&lang=go&db=mysql&step=5&embed=1`);
    await expect(status(page)).toContainText(`Step 5 of ${count}: ${timeline.steps[4]?.title}.`);
    await expect(page.getByRole('region', { name: 'Request diagram' })).toBeVisible();
    // The embed view: no pickers, no details panel.
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Step details' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(status(page)).toContainText(`Step 6 of ${count}: ${timeline.steps[5]?.title}.`);
    expect(attempts, 'requests outside the file').toEqual([]);
  });
});

test('a page next to it on the stick frames it by a relative address, and hears the API from file://', async ({
  page,
  context,
}, testInfo) => {
  // docs/embedding.md: <iframe src="roundtrip.html#…&embed=1"> in a deck on the same stick.
  const stick = testInfo.outputPath('stick');
  mkdirSync(stick, { recursive: true });
  copyFileSync(singleFile, join(stick, 'roundtrip.html'));
  writeFileSync(
    join(stick, 'deck.html'),
    `<!doctype html><html lang="en"><body>
      <iframe src="roundtrip.html#scenario=cache-hit&amp;step=3&amp;embed=1&amp;api=1" title="Roundtrip" width="960" height="540"></iframe>
      <script>
        window.received = [];
        window.addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));
      </script>
    </body></html>`,
  );
  const attempts = await offline(context);
  await page.goto(pathToFileURL(join(stick, 'deck.html')).href);
  const frame = page.frameLocator('iframe');
  const count = timelineOf('cache-hit').steps.length;
  await expect(frame.getByRole('status')).toContainText(`Step 3 of ${count}`);
  const received = () =>
    page.evaluate(() => (window as unknown as { received: { origin: string; data: unknown }[] }).received);
  await expect.poll(received).toContainEqual({
    origin: 'null',
    data: expect.objectContaining({ roundtrip: 1, event: 'ready' }),
  });
  // A command from a file page (origin "null") is obeyed, and getState is answered to it.
  await page.evaluate(() => {
    const player = document.querySelector('iframe')?.contentWindow;
    player?.postMessage({ roundtrip: 1, command: 'goto', step: 5 }, '*');
    player?.postMessage({ roundtrip: 1, command: 'getState' }, '*');
  });
  await expect(frame.getByRole('status')).toContainText(`Step 5 of ${count}`);
  await expect.poll(received).toContainEqual(
    expect.objectContaining({
      data: expect.objectContaining({ event: 'state', state: expect.objectContaining({ step: 5 }) }),
    }),
  );
  expect(attempts, 'requests outside the files').toEqual([]);
});

/** Serves roundtrip.html from a routed origin with `csp` as its header and collects the violations. */
async function servedWithCsp(page: Page, csp: string): Promise<{ violations: () => Promise<string[]> }> {
  const html = readSingleFile();
  const attempts: string[] = [];
  const ours = (url: string) => url.startsWith('http://roundtrip.test/') || url.startsWith('data:');
  page.context().on('request', (request) => {
    if (!ours(request.url()) && request.url() !== 'about:blank') attempts.push(request.url());
  });
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('http://roundtrip.test/')) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': csp },
        body: html,
      });
    }
    if (url.startsWith('data:')) return route.continue();
    attempts.push(url);
    return route.abort();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
  return {
    violations: async () => {
      expect(attempts, 'requests outside roundtrip.test').toEqual([]);
      return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    },
  };
}

/** Works the player: a linked step, Next, a played hop with its animation, the embed view. */
async function workThePlayer(page: Page): Promise<void> {
  const timeline = timelineOf('cache-hit', { lang: 'go', db: 'mysql' });
  await page.goto('http://roundtrip.test/roundtrip.html#scenario=cache-hit&lang=go&db=mysql&step=5');
  await expectStep(page, timeline, 4);
  await page.getByRole('button', { name: 'Play' }).click();
  await expectStep(page, timeline, 5);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expectStep(page, timeline, 6);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog', { name: 'Share this step' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('about:blank');
  await page.goto('http://roundtrip.test/roundtrip.html#scenario=cache-hit&step=5&embed=1&api=1');
  await expect(status(page)).toContainText('Step 5 of');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(status(page)).toContainText('Step 6 of');
}

test.describe('the single file under a Content-Security-Policy', () => {
  test(`works with no violation under "${CSP}"`, async ({ page }) => {
    expect(CSP).toBe(
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:",
    );
    const { violations } = await servedWithCsp(page, CSP);
    await workThePlayer(page);
    expect(await violations()).toEqual([]);
  });

  test('works sandboxed with no origin and no storage ("sandbox allow-scripts" added)', async ({ page }) => {
    const { violations } = await servedWithCsp(page, `${CSP}; sandbox allow-scripts`);
    await workThePlayer(page);
    expect(await page.evaluate(() => origin)).toBe('null');
    expect(await violations()).toEqual([]);
  });

  // The policy is minimal: without any one of its allowances something is blocked. (Plain
  // Playwright tests: the console errors are the point here.)
  for (const [allowance, blocked] of [
    ["script-src 'unsafe-inline'", 'script-src-elem blocked inline'],
    ["style-src 'unsafe-inline'", 'style-src-elem blocked inline'],
    ['img-src data:', 'img-src blocked data'],
  ] as const) {
    plain(`without ${allowance}: ${blocked}`, async ({ page }) => {
      const weaker = CSP.replace(`; ${allowance}`, '');
      expect(weaker).not.toBe(CSP);
      const { violations } = await servedWithCsp(page, weaker);
      await page.goto('http://roundtrip.test/roundtrip.html#scenario=cache-hit');
      await expect.poll(violations).toContain(blocked);
    });
  }
});
