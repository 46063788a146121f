// The reverse proxy's side of every journey, checked against a real nginx (when this machine has one;
// CI may not): each response the app sends the proxy is replayed byte for byte by a stand-in upstream
// behind nginx, configured as the timeline describes it (server_tokens off, HTTP/1.1 keep-alive to the
// upstream, Strict-Transport-Security on HTTPS), and what nginx sends on must be the proxy → browser
// step the timeline shows, header for header in order and case, with the body; only Date's value, the
// clock's, differs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, buildTimeline } from '../../src/core/index.ts';
import { API_CORS } from '../../src/core/world/world.ts';
import type { HttpResponse } from '../../src/core/index.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { exchangeRaw, freePort, headOf, withoutDate } from './loopback.ts';
import { HAS_NGINX, proxyLocation, replayServer, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { STACKS, shownOn, stackName, stepsWith } from './timelines.ts';

/** A proxied exchange of a timeline: what the app answered the proxy and what the proxy sent on. */
interface Relay {
  readonly where: string;
  readonly fromApp: HttpResponse;
  readonly toBrowser: HttpResponse;
  /** Which server block relays it: HTTPS (with HSTS), plain HTTP, or the API's (CORS, cors-preflight). */
  readonly server: 'https' | 'plain' | 'api';
}

function relays(): Relay[] {
  const out: Relay[] = [];
  for (const scenario of SCENARIOS) {
    for (const stack of shownOn(scenario)) {
      const t = buildTimeline(scenario, stack);
      const http = stepsWith(t, 'http');
      const fromApp = http.find((s) => s.from === 'app' && s.to === 'proxy');
      // The answer that relays it (after a redirect-https 301 the proxy wrote itself).
      const toBrowser = http.find(
        (s) =>
          s.from === 'proxy' &&
          s.to === 'browser' &&
          s.direction === 'response' &&
          s.index > (fromApp?.index ?? 0),
      );
      if (fromApp?.message.http.kind !== 'response' || toBrowser?.message.http.kind !== 'response') continue;
      // A body nginx compressed (the compressed scenario's gzip on): nginxGzip.test.ts, with that configuration.
      if (toBrowser.message.http.coding) continue;
      out.push({
        where: `${scenario.id} on ${stackName(stack)}`,
        fromApp: fromApp.message.http,
        toBrowser: toBrowser.message.http,
        server: toBrowser.message.http.headers.some(([n]) => n === 'Access-Control-Allow-Origin')
          ? 'api'
          : toBrowser.message.http.headers.some(([n]) => n === 'Strict-Transport-Security')
            ? 'https'
            : 'plain',
      });
    }
  }
  return out;
}

/** One request to nginx; resolves with the response's head lines and its body. */
const fetchRaw = (port: number, id: number): Promise<{ head: string[]; body: Buffer }> =>
  exchangeRaw(port, `GET /replay HTTP/1.1\r\nHost: shop.example\r\nX-Replay: ${id}\r\n\r\n`);

describe.runIf(HAS_NGINX)('the reverse proxy against a real nginx', () => {
  const cases = relays();
  let upstream: { port: number; close: () => void } | null = null;
  let nginx: NginxProcess | null = null;
  let httpsPort = 0;
  let plainPort = 0;
  let apiPort = 0;

  beforeAll(async () => {
    upstream = await replayServer(cases.map((c) => serializeHttp(c.fromApp)));
    [httpsPort, plainPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const cors = `\n      add_header Access-Control-Allow-Origin "${API_CORS.origin}" always;`;
    nginx = await startNginx(
      `  upstream app { server 127.0.0.1:${upstream.port}; keepalive 8; }
  server { listen 127.0.0.1:${httpsPort}; ${proxyLocation(true)} }
  server { listen 127.0.0.1:${plainPort}; ${proxyLocation(false)} }
  server { listen 127.0.0.1:${apiPort}; ${proxyLocation(true, cors)} }
`,
      [httpsPort, plainPort, apiPort],
    );
  }, 30_000);

  afterAll(() => {
    nginx?.stop();
    upstream?.close();
  });

  it('the journeys relay through the proxy', () => {
    // Every scenario but the CDN's and those the proxy answers itself (a refused request, a timeout).
    expect(cases.length).toBeGreaterThanOrEqual(11 * STACKS.length);
  });

  it('what nginx sends on is the proxy → browser step, header for header, for every scenario and stack', async () => {
    for (const [id, c] of cases.entries()) {
      const got = await fetchRaw({ https: httpsPort, plain: plainPort, api: apiPort }[c.server], id);
      expect(withoutDate(headOf(c.toBrowser)), c.where).toEqual(withoutDate(got.head));
      expect(c.toBrowser.body, `${c.where}: the body`).toBe(got.body.toString('utf8'));
    }
  }, 60_000);
});
