import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { hostPageHtml, serveDirectory, serveHtml } from './staticServer.ts';
import type { LoopbackServer } from './staticServer.ts';

/**
 * Issue 11 item 9 and the design card's public/: when the app's scripts cannot load (a sandboxed LMS
 * frame on a host that sends no CORS headers) the page says what is wrong and points to the single
 * file, instead of an empty white box; the app replaces that text when it starts. The static files
 * served as-is (favicon, web app manifest, the fallback's stylesheet and script) come from public/.
 * A plain Playwright test: the failed loads are console errors on purpose.
 */

const dist = join(import.meta.dirname, '..', '..', 'dist');
const servers: LoopbackServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function framed(page: Page, headers: Record<string, string>) {
  const app = await serveDirectory(dist, headers);
  const host = await serveHtml(
    hostPageHtml(`${app.url}#scenario=cache-hit&embed=1`, 'sandbox="allow-scripts"'),
  );
  servers.push(app, host);
  await page.goto(host.url);
  return page.frameLocator('#player');
}

test('a sandboxed frame on a host without CORS says why it is empty and points to the single file', async ({
  page,
}) => {
  const frame = await framed(page, {});
  // At once (fallback.js saw the module script fail), not after the 8-second safety delay.
  await expect(frame.getByText('Roundtrip could not start here')).toBeVisible({ timeout: 4000 });
  await expect(frame.getByText('Access-Control-Allow-Origin: *')).toBeVisible();
  await expect(frame.getByText('roundtrip.html', { exact: true })).toBeVisible();
  await expect(frame.getByText('Loading Roundtrip…')).toBeHidden();
});

test('with CORS the app starts and replaces the fallback text', async ({ page }) => {
  const frame = await framed(page, { 'Access-Control-Allow-Origin': '*' });
  await expect(frame.getByRole('status')).toContainText('Step 1 of ');
  await expect(frame.getByText('Roundtrip could not start here')).toHaveCount(0);
  await expect(frame.getByText('Loading Roundtrip…')).toHaveCount(0);
});

test('in a frame sandboxed without allow-scripts the page says Roundtrip needs scripts', async ({ page }) => {
  const app = await serveDirectory(dist);
  const host = await serveHtml(hostPageHtml(`${app.url}#embed=1`, 'sandbox=""'));
  servers.push(app, host);
  await page.goto(host.url);
  const frame = page.frameLocator('#player');
  // (Playwright's text locators skip <noscript>; what shows is the fallback's rendered text.)
  const shown = frame.locator('body');
  await expect(shown).toContainText('Roundtrip needs JavaScript', { useInnerText: true });
  await expect(shown).toContainText('sandbox="allow-scripts"', { useInnerText: true });
  await expect(shown).not.toContainText('Loading Roundtrip', { useInnerText: true });
  await expect(shown).not.toContainText('could not start', { useInnerText: true });
});

test('the favicon, the web app manifest and the fallback files are served as-is from public/', async ({
  request,
}) => {
  for (const name of ['favicon.svg', 'manifest.webmanifest', 'fallback.css', 'fallback.js']) {
    expect(existsSync(join(import.meta.dirname, '..', '..', 'public', name)), `public/${name}`).toBe(true);
    // In the build as-is, by its own name (a build with no public/ has none: af0f512 hashed its favicon).
    expect(existsSync(join(dist, name)), `dist/${name}, copied from public/`).toBe(true);
    const response = await request.get(name);
    expect(response.status(), name).toBe(200);
    expect(await response.text()).toBe(readFileSync(join(dist, name), 'utf8'));
  }
  const index = await (await request.get('./')).text();
  expect(index).toContain('<link rel="manifest" href="./manifest.webmanifest"');
  const manifest = (await (await request.get('manifest.webmanifest')).json()) as {
    name: string;
    start_url: string;
    icons: { src: string }[];
  };
  expect(manifest).toMatchObject({ short_name: 'Roundtrip', start_url: './', display: 'standalone' });
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});
