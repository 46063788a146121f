// redirect-https against real software (where this machine has it). nginx's port-80 server block
// (`return 301 https://$host$request_uri;`) must answer the request the timeline shows with the 301 it shows,
// header for header with its page (only Date's value differs). Chromium, navigating to a typed address, must
// send the heads the timeline shows: to an insecure origin (http://shop.example, mapped to 127.0.0.1) and,
// after that origin's 301, to a secure one (http://127.0.0.1 is one, as https://shop.example is), where the
// redirected request gains Fetch Metadata (Sec-Fetch-Site still none) and then the client hints. The HSTS
// upgrade itself cannot be run here (it needs a certificate Chromium trusts); its synthesised 307 is the
// format of Chromium's net/url_request/redirect_util.cc, RedirectUtil::SynthesizeRedirectHeaders.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Header, HttpRequest, Timeline } from '../../src/core/index.ts';
import { navigationRequest } from '../../src/core/engine/navigationRequest.ts';
import { parseUrl } from '../../src/core/engine/parseUrl.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { exchangeRaw, freePort, headOf, withoutDate } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { STACKS, stackName, stepsWith } from './timelines.ts';
import { asOurChromium, HAS_CHROMIUM, launchChromium } from './chromium.ts';

const timeline = (stack = STACKS[0]!): Timeline => buildTimeline(scenarioById('redirect-https')!, stack);
const requests = (t: Timeline): HttpRequest[] =>
  stepsWith(t, 'http').flatMap((s) =>
    s.from === 'browser' && s.message.http.kind === 'request' ? [s.message.http] : [],
  );

describe.runIf(HAS_NGINX)('redirect-https against a real nginx', () => {
  let nginx: NginxProcess | null = null;
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
    nginx = await startNginx(
      () => `
  server {
    listen 127.0.0.1:${port};
    server_name shop.example;
    return 301 https://$host$request_uri;
  }`,
      [port],
    );
  }, 30_000);

  afterAll(() => nginx?.stop());

  it('nginx’s 301 is the timeline’s, on every stack', async () => {
    for (const stack of STACKS) {
      const t = timeline(stack);
      const [asked] = requests(t);
      const shown = stepsWith(t, 'http').find((s) => s.id === 'http-response-301')?.message.http;
      if (shown?.kind !== 'response' || !asked) throw new Error(`${stackName(stack)}: no 301`);
      const got = await exchangeRaw(port, serializeHttp(asked));
      expect(withoutDate(headOf(shown)), stackName(stack)).toEqual(withoutDate(got.head));
      expect(shown.body).toBe(got.body.toString('utf8'));
    }
  });
});

/** What does not depend on where the server is: the host and port, and headless Chromium's UA. */
const comparable = (headers: readonly Header[]): Header[] =>
  headers.map(([n, v]) => [n, n === 'Host' ? '…' : asOurChromium(v)]);

describe.runIf(HAS_CHROMIUM)('redirect-https: the navigations as Chromium sends them', () => {
  const heads: Header[][] = [];
  const server = http.createServer((req, res) => {
    const pairs: Header[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      pairs.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
    if (req.url === '/favicon.ico') return void res.writeHead(404).end();
    heads.push(pairs);
    const { port } = server.address() as AddressInfo;
    if ((req.headers.host ?? '').startsWith('shop.example'))
      res.writeHead(301, { Location: `http://127.0.0.1:${port}${req.url ?? '/'}` }).end();
    else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`http://shop.example:${port}/api/products/42`);
      await page.goto(`http://127.0.0.1:${port}/api/products/42`);
    } finally {
      await browser.close();
    }
  }, 60_000);

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('the typed http:// request, then the one that follows the 301 to a secure origin', () => {
    const [insecure, redirected] = requests(timeline());
    expect(comparable(insecure!.headers)).toEqual(comparable(heads[0]!));
    expect(comparable(redirected!.headers)).toEqual(comparable(heads[1]!));
  });

  it('a secure address typed in directly sends the client hints first', () => {
    const direct = navigationRequest(parseUrl('https://shop.example/api/products/42'), false);
    expect(comparable(direct.headers)).toEqual(comparable(heads[2]!));
  });

  it('the visit after HSTS sends the redirected head again, over the open connection', () => {
    const [, redirected, upgraded] = requests(timeline());
    expect(upgraded).toEqual(redirected);
    const internal = timeline().steps.find((s) => s.id === 'hsts-internal-redirect')!.message.text;
    expect(internal).toBe(
      'HTTP/1.1 307 Internal Redirect\nLocation: https://shop.example/api/products/42\n' +
        'Cross-Origin-Resource-Policy: Cross-Origin\nNon-Authoritative-Reason: HSTS',
    );
  });
});
