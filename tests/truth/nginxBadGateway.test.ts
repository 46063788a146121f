// bad-gateway against a real nginx (where this machine has one): nginx proxies to a loopback port nothing
// listens on, as the timeline's app-1 whose process is down. Its 502 must be the proxy → browser step the
// timeline shows, header for header with the body (only Date's value differs), and its error-log line the
// proxy's step, field for field (the time, pid, addresses and ports are the world's). server-error on Go
// likewise, with an upstream that closes the connection once it has read the request, as net/http does
// after a panic.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { freePort } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { STACKS, stackName, stepsWith } from './timelines.ts';

/** The raw bytes of nginx's answer to one request. */
function fetchRaw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no complete response'));
    }, 5_000);
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      const length = Number(/^content-length: (\d+)$/im.exec(data.slice(0, end))?.[1] ?? -1);
      if (end < 0 || length < 0 || data.length - end - 4 < length) return;
      clearTimeout(timer);
      socket.destroy();
      resolve(data);
    });
    socket.on('error', reject);
  });
}

const withoutDate = (raw: string): string => raw.replace(/^date: .*$/im, 'Date: (now)');

describe.runIf(HAS_NGINX)('bad-gateway against a real nginx with its upstream port closed', () => {
  let nginx: NginxProcess | null = null;
  let port = 0;
  let closedPort = 0;
  let crashPort = 0;
  /** The stand-in for Go's server after a panic: reads the request, closes without a byte. */
  const crashing = net.createServer((socket) => {
    socket.on('data', () => socket.end());
    socket.on('error', () => undefined);
  });

  beforeAll(async () => {
    [port, closedPort] = [await freePort(), await freePort()];
    await new Promise<void>((resolve) => crashing.listen(0, '127.0.0.1', resolve));
    crashPort = await freePort();
    const crashingPort = (crashing.address() as net.AddressInfo).port;
    nginx = await startNginx(
      `  upstream app { server 127.0.0.1:${closedPort}; keepalive 8; }
  upstream crashing { server 127.0.0.1:${crashingPort}; keepalive 8; }
  server {
    listen 127.0.0.1:${crashPort};
    server_name shop.example;
    location / {
      proxy_pass http://crashing;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      add_header Strict-Transport-Security "max-age=63072000" always;
    }
  }
  server {
    listen 127.0.0.1:${port};
    server_name shop.example;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      add_header Strict-Transport-Security "max-age=63072000" always;
    }
  }`,
      port,
    );
  }, 30_000);

  afterAll(() => {
    nginx?.stop();
    crashing.close();
  });

  const cases = [
    ...STACKS.map((stack) => ({ scenario: 'bad-gateway', stack })),
    ...STACKS.filter((s) => s.lang === 'go').map((stack) => ({ scenario: 'server-error', stack })),
  ];

  it('nginx’s 502 and its error-log line are the timeline’s: bad-gateway on every stack, server-error on Go', async () => {
    expect(cases.length).toBe(STACKS.length + 3);
    for (const { scenario, stack } of cases) {
      const t = buildTimeline(scenarioById(scenario)!, stack);
      const http = stepsWith(t, 'http');
      const asked = http.find((s) => s.from === 'browser' && s.to === 'proxy')!.message.http;
      const answered = http.find((s) => s.from === 'proxy' && s.to === 'browser')!.message.http;
      const got = await fetchRaw(scenario === 'bad-gateway' ? port : crashPort, serializeHttp(asked));
      expect(withoutDate(serializeHttp(answered)), `${scenario} on ${stackName(stack)}`).toBe(
        withoutDate(got),
      );

      const logged = nginx!.errorLog().trim().split('\n').at(-1) ?? '';
      const shown = t.steps.find((s) => s.id === 'proxy-bad-gateway')!.message.text;
      // The world's time, pid, client and upstream address stand in for this machine's.
      const generic = (line: string) =>
        line
          .replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/, 'TIME')
          .replace(/\d+#\d+: \*\d+/, 'PID#TID: *N')
          .replace(/client: [\d.]+/, 'client: CLIENT')
          .replace(/(\/\/)[\d.]+:\d+/, '$1UPSTREAM');
      expect(generic(shown), `${scenario} on ${stackName(stack)}`).toBe(generic(logged));
    }
  }, 60_000);
});
