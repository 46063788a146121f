// cors-preflight against real software (where this machine has it). nginx's API server block must answer the
// timeline's OPTIONS with the 204 it shows (only Date's value differs; its relay of the real answer, with
// Access-Control-Allow-Origin, is checked in nginx.test.ts). Chromium, running a page on shop.example that
// posts JSON with Authorization to api.shop.example (both mapped to 127.0.0.1 and treated as secure
// origins, so Fetch Metadata and client hints are sent as over HTTPS), must send the preflight and the real
// request the timeline shows; and when the answer leaves Authorization out of Access-Control-Allow-Headers,
// it must refuse with the console message the timeline quotes, the POST never reaching the server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Header, HttpRequest, Timeline } from '../../src/core/index.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { API_CORS, VALID_TOKEN } from '../../src/core/world/world.ts';
import { exchangeRaw, freePort, headOf, withoutDate } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { STACKS, stackName, stepsWith } from './timelines.ts';
import { asOurChromium, HAS_CHROMIUM, launchChromium } from './chromium.ts';

const timeline = (stack = STACKS[0]!): Timeline => buildTimeline(scenarioById('cors-preflight')!, stack);
const sent = (t: Timeline, id: string): HttpRequest => {
  const m = stepsWith(t, 'http').find((s) => s.id === id)?.message.http;
  if (m?.kind !== 'request') throw new Error(`no request ${id}`);
  return m;
};

describe.runIf(HAS_NGINX)('cors-preflight against a real nginx', () => {
  let nginx: NginxProcess | null = null;
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
    nginx = await startNginx(
      () => `
  server {
    listen 127.0.0.1:${port};
    server_name api.shop.example;
    location / {
      if ($request_method = OPTIONS) {
        add_header Access-Control-Allow-Origin "${API_CORS.origin}" always;
        add_header Access-Control-Allow-Methods "${API_CORS.methods}" always;
        add_header Access-Control-Allow-Headers "${API_CORS.headers}" always;
        add_header Access-Control-Max-Age ${API_CORS.maxAge} always;
        add_header Strict-Transport-Security "max-age=63072000" always;
        return 204;
      }
      return 500;
    }
  }`,
      [port],
    );
  }, 30_000);

  afterAll(() => nginx?.stop());

  it('nginx answers the preflight with the 204 the timeline shows, on every stack', async () => {
    for (const stack of STACKS) {
      const t = timeline(stack);
      const answer = stepsWith(t, 'http').find((s) => s.id === 'cors-preflight-response')?.message.http;
      if (answer?.kind !== 'response') throw new Error(`${stackName(stack)}: no preflight answer`);
      const got = await exchangeRaw(port, serializeHttp(sent(t, 'cors-preflight')));
      expect(withoutDate(headOf(answer)), stackName(stack)).toEqual(withoutDate(got.head));
    }
  });
});

/** Host-bound values: where the server listens, the token, and what only real TLS changes (br, zstd). */
const HOST_BOUND = new Set(['host', 'origin', 'referer', 'authorization', 'accept-encoding']);
const comparable = (headers: readonly Header[]): Header[] =>
  headers.map(([n, v]) => [n, HOST_BOUND.has(n.toLowerCase()) ? '…' : asOurChromium(v)]);

describe.runIf(HAS_CHROMIUM)('cors-preflight as Chromium sends it', () => {
  const heads: Record<'allowed' | 'refused', { target: string; headers: Header[] }[]> = {
    allowed: [],
    refused: [],
  };
  const consoleErrors: string[] = [];
  let port = 0;
  let mode: 'allowed' | 'refused' = 'allowed';
  const body = JSON.stringify(scenarioById('cors-preflight')!.request.body);
  const page = () => `<!doctype html><script>
fetch('http://api.shop.example:${port}/api/products/42/reviews', { method: 'POST', headers: { Authorization: 'Bearer ${VALID_TOKEN}', 'Content-Type': 'application/json', Accept: 'application/json' }, body: ${body} })
  .then(() => { document.title = 'ok'; }, (e) => { document.title = String(e); });
</script>`;
  const server = http.createServer((req, res) => {
    const pairs: Header[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      pairs.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
    if (req.url === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(page());
    if (req.url === '/favicon.ico') return void res.writeHead(404).end();
    heads[mode].push({ target: `${req.method} ${req.url}`, headers: pairs });
    const origin = `http://shop.example:${port}`;
    if (req.method === 'OPTIONS')
      return void res
        .writeHead(204, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': API_CORS.methods,
          'Access-Control-Allow-Headers': mode === 'allowed' ? API_CORS.headers : 'Content-Type',
          'Access-Control-Max-Age': String(API_CORS.maxAge),
        })
        .end();
    res
      .writeHead(201, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': origin })
      .end('{}');
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const browser = await launchChromium(
      ['shop.example', 'api.shop.example'],
      [
        `--unsafely-treat-insecure-origin-as-secure=http://shop.example:${port},http://api.shop.example:${port}`,
      ],
    );
    try {
      for (const m of ['allowed', 'refused'] as const) {
        mode = m;
        const tab = await browser.newPage();
        tab.on('console', (msg) => {
          if (m === 'refused' && msg.type() === 'error') consoleErrors.push(msg.text());
        });
        await tab.goto(`http://shop.example:${port}/`);
        await tab.waitForFunction(() => document.title !== '');
        expect(await tab.title()).toBe(m === 'allowed' ? 'ok' : 'TypeError: Failed to fetch');
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  }, 60_000);

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the preflight, then the real POST: header names, order and values', () => {
    const t = timeline();
    expect(heads.allowed.map((h) => h.target)).toEqual([
      'OPTIONS /api/products/42/reviews',
      'POST /api/products/42/reviews',
    ]);
    expect(comparable(sent(t, 'cors-preflight').headers)).toEqual(comparable(heads.allowed[0]!.headers));
    const post = sent(t, 'http-request').headers.filter(([n]) => n !== 'Content-Length');
    expect(comparable(post)).toEqual(
      comparable(heads.allowed[1]!.headers.filter(([n]) => n !== 'Content-Length')),
    );
  });

  it('a preflight that leaves out Authorization: only the OPTIONS reaches the server, and the console says why', () => {
    expect(heads.refused.map((h) => h.target)).toEqual(['OPTIONS /api/products/42/reviews']);
    const told = timeline().steps.find((s) => s.id === 'cors-check')!.narration;
    const real = consoleErrors[0]!
      .replaceAll(`http://api.shop.example:${port}`, 'https://api.shop.example')
      .replaceAll(`http://shop.example:${port}`, 'https://shop.example');
    expect(told).toContain(real);
  });
});
