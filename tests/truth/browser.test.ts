// The browser's requests against a real Chromium (Debian's /usr/bin/chromium, driven by Playwright): the page's
// fetch() calls and its stylesheet are sent to a local server that records each request head as it arrived,
// to a secure origin (127.0.0.1 is one, like https://shop.example) and to an insecure one
// (http://shop.example, mapped to 127.0.0.1). Header names, their order and the values that do not depend on
// the host must be what the simulated browser sends.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Header } from '../../src/core/index.ts';
import { asOurChromium, HAS_CHROMIUM, launchChromium } from './chromium.ts';

const VALID_BODY = '{"rating":5,"body":"Bright and steady light."}';

const PAGE = `<!doctype html><link rel="stylesheet" href="/static/app.css"><script>
(async () => {
  await fetch('/api/products/42', { headers: { Accept: 'application/json' } });
  await fetch('/api/products/42', { headers: { Accept: 'application/json' } });
  await fetch('/api/products/42/reviews', { method: 'POST', headers: { Authorization: 'Bearer x', 'Content-Type': 'application/json', Accept: 'application/json' }, body: ${JSON.stringify(VALID_BODY)} });
  document.title = 'done';
})();
</script>`;

type Head = { readonly target: string; readonly headers: Header[] };
const heads: Record<'secure' | 'insecure', Head[]> = { secure: [], insecure: [] };

const server = http.createServer((req, res) => {
  const pairs: Header[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    pairs.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
  const secure = (req.headers.host ?? '').startsWith('127.0.0.1');
  heads[secure ? 'secure' : 'insecure'].push({ target: `${req.method} ${req.url}`, headers: pairs });
  if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
  else if (req.url?.endsWith('.css')) res.writeHead(200, { 'Content-Type': 'text/css' }).end('body{}');
  else if (req.headers['if-none-match'])
    res.writeHead(304, { ETag: '"abc"', 'Cache-Control': 'no-cache' }).end();
  else
    res
      .writeHead(200, { 'Content-Type': 'application/json', ETag: '"abc"', 'Cache-Control': 'no-cache' })
      .end('{}');
});

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  try {
    for (const origin of [`http://127.0.0.1:${port}`, `http://shop.example:${port}`]) {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => document.title === 'done');
      await page.close();
    }
  } finally {
    await browser.close();
  }
}, 120_000);

afterAll(
  () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
);

/** What does not depend on where the server is: the host, the port, the token and headless Chromium's UA. */
const HOST_BOUND = new Set(['host', 'origin', 'referer', 'authorization', 'content-length', 'if-none-match']);
const comparable = (headers: readonly Header[]): Header[] =>
  headers.map(([n, v]) => [n, HOST_BOUND.has(n.toLowerCase()) ? '…' : asOurChromium(v)]);

const simulated = (id: string): Header[] => {
  const step = buildTimeline(scenarioById(id)!, { lang: 'node', db: 'postgres' }).steps.find(
    (s) => s.id === 'http-request',
  );
  if (step?.message.protocol !== 'http') throw new Error(`${id}: no request`);
  return [...step.message.http.headers];
};

describe.runIf(HAS_CHROMIUM)('the browser’s requests, as Chromium sends them', () => {
  it.each([
    ['first-visit', 'secure', 'GET /api/products/42', 0],
    ['repeat-visit', 'secure', 'GET /api/products/42', 1],
    ['post-create', 'secure', 'POST /api/products/42/reviews', 0],
    // the stylesheet as sent over HTTP/1.1 (to a CDN edge it goes over HTTP/2: cdnHttp2.test.ts)
    ['far-away', 'secure', 'GET /static/app.css', 0],
    ['plain-http', 'insecure', 'GET /api/products/42', 0],
  ] as const)('%s: header names, order and values (%s origin)', (id, where, target, nth) => {
    const live = heads[where].filter((h) => h.target === target)[nth];
    expect(live, `Chromium sent ${target}`).toBeDefined();
    expect(comparable(simulated(id))).toEqual(comparable(live?.headers ?? []));
  });
});
