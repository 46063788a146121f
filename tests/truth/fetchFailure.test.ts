// A script's fetch() that fails before any response, against a real Chromium (Debian's /usr/bin/chromium driven
// by Playwright; issue 12 item 1). Chrome's full-page errors ("This site can’t be reached", "Your connection is
// not private") exist only for navigations; a fetch() rejects with a bare TypeError and only the console names
// the net error. The nxdomain and expired-certificate timelines must end that way and say what a typed-in address
// would show, in the words Chromium's error page and SSL interstitial really use.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { navigationPage } from '../../src/core/engine/requestFailed.ts';
import { HAS_CHROMIUM, HAS_OPENSSL, launchChromium, selfSignedCertificate } from './chromium.ts';

const STACK = { lang: 'node', db: 'postgres' } as const;

const lastStep = (id: string) => {
  const t = buildTimeline(scenarioById(id)!, STACK);
  return { t, step: t.steps.at(-1)! };
};

describe('the timelines', () => {
  it.each([
    ['nxdomain', 'net::ERR_NAME_NOT_RESOLVED', 'This site can’t be reached', 'ERR_NAME_NOT_RESOLVED'],
    [
      'expired-certificate',
      'net::ERR_CERT_DATE_INVALID',
      'Your connection is not private',
      'NET::ERR_CERT_DATE_INVALID',
    ],
  ])(
    '%s ends with the page’s fetch() rejecting, not an error page, and says what a navigation would show',
    (id, netError, heading, pageCode) => {
      const { t, step } = lastStep(id);
      expect(step.id).toBe('fetch-rejected');
      expect(step.title).not.toBe(heading);
      expect(step.message.summary).toBe('TypeError: Failed to fetch');
      expect(step.message.text).toContain(`GET ${scenarioById(id)!.request.url} ${netError}`);
      expect(step.message.text).toMatch(/Typed into the address bar instead \(a navigation\)/);
      expect(step.message.text).toContain(heading);
      expect(step.message.text).toContain(pageCode);
      expect(step.narration).toMatch(/no status and no headers/);
      expect(t.outcome).toMatchObject({ ok: false, status: null });
      expect(t.outcome.summary).toContain(netError);
      expect(t.steps.some((s) => s.id === 'browser-error-page')).toBe(false);
    },
  );

  it('the alert is printed as an alert record, not as a handshake message', () => {
    const { t } = lastStep('expired-certificate');
    const alert = t.steps.find((s) => s.id === 'tls-alert')!;
    expect(alert.message.text.split('\n')[0]).toBe('Alert');
  });
});

// --- Live: what Chromium really does --------------------------------------------------------------------

let browser: Browser | undefined;
const server = http.createServer((_req, res) =>
  res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>page</title>'),
);
let pagePort = 0;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pagePort = (server.address() as AddressInfo).port;
  browser = await launchChromium(['shop.example', 'MAP shpo.example ~NOTFOUND']);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server.close();
});

/** A fetch() from a page: what the promise rejects with and what the console logs. */
async function fetchFrom(url: string): Promise<{ error: string; console: string[] }> {
  const page = await browser!.newPage();
  const console: string[] = [];
  page.on('console', (m) => console.push(`${m.text()} @ ${m.location().url}`));
  await page.goto(`http://127.0.0.1:${pagePort}/`);
  const error = await page.evaluate(async (u) => {
    try {
      await fetch(u, { headers: { Accept: 'application/json' } });
      return 'resolved';
    } catch (e) {
      return `${(e as Error).constructor.name}: ${(e as Error).message}`;
    }
  }, url);
  await page.close();
  return { error, console };
}

/** The text of the page Chromium shows when the same address is navigated to. */
async function navigate(url: string): Promise<string> {
  const page = await browser!.newPage();
  await page.goto(url).catch(() => undefined);
  await page.waitForFunction(() => document.body?.innerText.includes('ERR_'), null, { timeout: 10_000 });
  const text = await page.evaluate(() => document.body.innerText);
  await page.close();
  return text;
}

describe.runIf(HAS_CHROMIUM)('a name that does not resolve, in Chromium', () => {
  const url = 'https://shpo.example/api/products/42';

  it('fetch() rejects with TypeError: Failed to fetch and the console names net::ERR_NAME_NOT_RESOLVED', async () => {
    const { error, console } = await fetchFrom(url);
    expect(error).toBe('TypeError: Failed to fetch');
    expect(console).toContain(`Failed to load resource: net::ERR_NAME_NOT_RESOLVED @ ${url}`);
  }, 30_000);

  it('a navigation shows the error page the timeline quotes', async () => {
    const text = await navigate(url);
    const quoted = navigationPage({ kind: 'name' }, 'shpo.example').split('\n');
    // the last line is desktop Chrome's DNS probe, which headless Chromium does not run
    for (const line of quoted.slice(0, 3)) expect(text).toContain(line);
  }, 30_000);
});

describe.runIf(HAS_CHROMIUM && HAS_OPENSSL)('a certificate Chromium refuses', () => {
  // Chromium's trust store is not ours to change here, so the certificate is refused for its issuer
  // (ERR_CERT_AUTHORITY_INVALID) rather than its date; the page around the code is the same interstitial.
  let dir = '';
  const tlsServer = tls.createServer();
  let port = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roundtrip-fetch-'));
    tlsServer.setSecureContext(selfSignedCertificate(dir));
    tlsServer.on('secureConnection', (socket) => socket.end());
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    port = (tlsServer.address() as AddressInfo).port;
  });
  afterAll(() => {
    tlsServer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetch() rejects with the same bare TypeError; only the console says why', async () => {
    const url = `https://shop.example:${port}/api/products/42`;
    const { error, console } = await fetchFrom(url);
    expect(error).toBe('TypeError: Failed to fetch');
    expect(console).toContain(`Failed to load resource: net::ERR_CERT_AUTHORITY_INVALID @ ${url}`);
  }, 30_000);

  it('a navigation shows the interstitial the timeline quotes, with the code in capitals (NET::)', async () => {
    const text = await navigate(`https://shop.example:${port}/api/products/42`);
    const quoted = navigationPage(
      { kind: 'certificate', netError: 'net::ERR_CERT_AUTHORITY_INVALID' },
      'shop.example',
    ).split('\n');
    for (const line of quoted.slice(0, 3)) expect(text).toContain(line);
    expect(text).toMatch(/Back to safety\s+Advanced/);
  }, 30_000);
});
