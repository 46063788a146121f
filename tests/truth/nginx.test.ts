// The reverse proxy's side of every journey, checked against a real nginx (when this machine has one;
// CI may not): each response the app sends the proxy is replayed byte for byte by a stand-in upstream
// behind nginx, configured as the timeline describes it (server_tokens off, HTTP/1.1 keep-alive to the
// upstream, Strict-Transport-Security on HTTPS), and what nginx sends on must be the proxy → browser
// step the timeline shows, header for header in order and case, with the body; only Date's value, the
// clock's, differs.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, buildTimeline } from '../../src/core/index.ts';
import { API_CORS } from '../../src/core/world/world.ts';
import type { HttpResponse } from '../../src/core/index.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { exchangeRaw, freePort } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
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

/** The stand-in app: answers each request with the raw bytes named by its X-Replay header. */
function replayServer(answers: readonly string[]): net.Server {
  return net.createServer((socket) => {
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const head = pending.slice(0, end);
        pending = pending.slice(end + 4);
        const id = Number(/^x-replay: (\d+)$/im.exec(head)?.[1]);
        socket.write(
          Buffer.from(answers[id] ?? 'HTTP/1.1 500 No Such Replay\r\nContent-Length: 0\r\n\r\n', 'utf8'),
        );
      }
    });
    socket.on('error', () => undefined);
  });
}

/** One request to nginx; resolves with the response's head lines and its body. */
const fetchRaw = (port: number, id: number): Promise<{ head: string[]; body: Buffer }> =>
  exchangeRaw(port, `GET /replay HTTP/1.1\r\nHost: shop.example\r\nX-Replay: ${id}\r\n\r\n`);

const headOf = (m: HttpResponse): string[] => serializeHttp(m).split('\r\n\r\n')[0]?.split('\r\n') ?? [];
const withoutDate = (lines: readonly string[]) => lines.map((l) => (/^date: /i.test(l) ? 'Date: (now)' : l));

describe.runIf(HAS_NGINX)('the reverse proxy against a real nginx', () => {
  const cases = relays();
  const answers = cases.map((c) => serializeHttp(c.fromApp));
  const upstream = replayServer(answers);
  let nginx: NginxProcess | null = null;
  let httpsPort = 0;
  let plainPort = 0;
  let apiPort = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const appPort = (upstream.address() as AddressInfo).port;
    [httpsPort, plainPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const location = (hsts: boolean, cors = '') => `
      location / {${cors}
        proxy_pass http://app;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $remote_addr;
        ${hsts ? 'add_header Strict-Transport-Security "max-age=63072000" always;' : ''}
      }`;
    nginx = await startNginx(
      `  upstream app { server 127.0.0.1:${appPort}; keepalive 8; }
  server { listen 127.0.0.1:${httpsPort}; ${location(true)} }
  server { listen 127.0.0.1:${plainPort}; ${location(false)} }
  server { listen 127.0.0.1:${apiPort}; ${location(true, `\n        add_header Access-Control-Allow-Origin "${API_CORS.origin}" always;`)} }
`,
      [httpsPort, plainPort, apiPort],
    );
  }, 30_000);

  afterAll(() => {
    nginx?.stop();
    upstream.close();
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
