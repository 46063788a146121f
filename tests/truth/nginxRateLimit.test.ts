// rate-limited against a real nginx (where this machine has one), configured as the timeline says:
// `limit_req zone=api burst=20 nodelay` at 10 r/s, `limit_req_status 429`, and Retry-After added for 429s
// only (a map on $status, `add_header … always`). The page's burst is replayed on one keep-alive connection
// with the timeline's own request bytes: the first refused answer must be the proxy → browser step of the
// timeline, header for header with the body (only Date's value differs), its error-log line the proxy's
// step (the time, pid, client and excess are the world's), and the answers before it must be the app's
// without Retry-After. Without limit_req_status nginx answers 503 and adds no Retry-After of its own: the
// reason the configuration sets both.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { freePort } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { STACKS, stackName, stepsWith } from './timelines.ts';

/** Writes `raw` `count` times on one connection and resolves with the raw responses, split by Content-Length. */
function pipeline(port: number, raw: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw.repeat(count)));
    let data = '';
    const out: string[] = [];
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`${out.length} responses`))), 10_000);
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('latin1');
      for (let end = data.indexOf('\r\n\r\n'); end >= 0; end = data.indexOf('\r\n\r\n')) {
        const length = Number(/^content-length: (\d+)$/im.exec(data.slice(0, end))?.[1] ?? 0);
        if (data.length - end - 4 < length) break;
        out.push(data.slice(0, end + 4 + length));
        data = data.slice(end + 4 + length);
      }
      if (out.length === count) {
        clearTimeout(timer);
        socket.destroy();
        resolve(out);
      }
    });
    socket.on('error', reject);
  });
}

const withoutDate = (raw: string): string => raw.replace(/^date: .*$/im, 'Date: (now)');
const status = (raw: string): number => Number(raw.slice(9, 12));

describe.runIf(HAS_NGINX)('rate-limited against a real nginx with limit_req', () => {
  const app = http.createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Content-Length', '9');
    res.end('{"id":42}');
  });
  let nginx: NginxProcess | null = null;
  let port = 0;
  let defaultPort = 0;

  beforeAll(async () => {
    [port, defaultPort] = [await freePort(), await freePort()];
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const appPort = (app.address() as net.AddressInfo).port;
    nginx = await startNginx(
      `  limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;
  limit_req_zone $binary_remote_addr zone=plain:10m rate=1r/m;
  map $status $retry_after { 429 1; default ""; }
  upstream app { server 127.0.0.1:${appPort}; keepalive 8; }
  server {
    listen 127.0.0.1:${port};
    server_name shop.example;
    location / {
      limit_req zone=api burst=20 nodelay;
      limit_req_status 429;
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      add_header Retry-After $retry_after always;
      add_header Strict-Transport-Security "max-age=63072000" always;
    }
  }
  server {
    listen 127.0.0.1:${defaultPort};
    server_name shop.example;
    location / {
      limit_req zone=plain burst=20 nodelay;
      proxy_pass http://app;
    }
  }`,
      port,
    );
  }, 30_000);

  afterAll(() => {
    nginx?.stop();
    app.close();
  });

  it('the first refused request of the burst is the timeline’s 429 and its error-log line', async () => {
    const timelines = STACKS.map((stack) => buildTimeline(scenarioById('rate-limited')!, stack));
    const exchanges = timelines.map((t) => {
      const steps = stepsWith(t, 'http');
      return [
        serializeHttp(steps.find((s) => s.from === 'browser' && s.to === 'proxy')!.message.http),
        serializeHttp(steps.find((s) => s.from === 'proxy' && s.to === 'browser')!.message.http),
        t.steps.find((s) => s.id === 'proxy-rate-limited')!.message.text,
      ] as const;
    });
    // The app is never asked, so the exchange is the same on every stack: one replay checks them all.
    for (const [i, e] of exchanges.entries()) expect(e, stackName(STACKS[i]!)).toEqual(exchanges[0]);
    const [asked, answered, shown] = exchanges[0]!;
    const got = await pipeline(port, asked, 60);
    const refused = got.findIndex((r) => status(r) !== 200);
    // 10 r/s, burst 20, nodelay: the first request and 20 more pass at once (a few more if the burst took
    // long enough for the bucket to drain: 60 give a loaded machine room); then nginx refuses.
    expect(refused).toBeGreaterThanOrEqual(21);
    for (const passed of got.slice(0, refused)) expect(passed).not.toMatch(/^retry-after:/im);
    expect(withoutDate(answered)).toBe(withoutDate(got[refused]!));

    const logged = nginx!.errorLog().trim().split('\n')[0] ?? '';
    const generic = (line: string) =>
      line
        .replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/, 'TIME')
        .replace(/\d+#\d+: \*\d+/, 'PID#TID: *N')
        .replace(/client: [\d.]+/, 'client: CLIENT')
        .replace(/excess: (20\.\d{3}|21\.000)/, 'excess: OVER-BURST');
    expect(generic(shown)).toBe(generic(logged));
  });

  it('without limit_req_status nginx refuses with 503 and sends no Retry-After', async () => {
    const got = await pipeline(defaultPort, 'GET / HTTP/1.1\r\nHost: shop.example\r\n\r\n', 22);
    const refused = got.find((r) => status(r) !== 200) ?? '';
    expect(refused).toMatch(/^HTTP\/1\.1 503 Service Temporarily Unavailable\r\n/);
    expect(refused).not.toMatch(/^retry-after:/im);
  });
});
