// The load balancer when the replica it picked does not answer, checked against a real HAProxy 2.6 (when
// this machine has one): a replica that closes the connection without a response (Go's server after a
// panic) gets HAProxy's own 502, one that never answers (its database is down) its 504 after
// `timeout server` (1 s here, 50 s in the timeline: Debian's default), and a request that came through a
// CDN edge is forwarded as the timeline shows it (HAProxy's x-forwarded-for line after the CDN's).
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Scenario, Stack, Timeline } from '../../src/core/index.ts';
import { exchangeRaw, freePort } from './loopback.ts';
import { stepsWith } from './timelines.ts';

const HAS_HAPROXY = spawnSync('haproxy', ['-v'], { input: '' }).error === undefined;

/** A replica that passes its health check and does `onRequest` with every other request it reads. */
function replica(onRequest: (socket: net.Socket, request: string) => void): net.Server {
  return net.createServer((socket) => {
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      const end = pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      const request = pending;
      pending = '';
      if (request.startsWith('GET /healthz '))
        socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
      else onRequest(socket, request);
    });
    socket.on('error', () => undefined);
  });
}

const stepText = (t: Timeline, where: (id: string) => boolean): string => {
  const step = stepsWith(t, 'http').find((s) => where(s.id));
  if (!step) throw new Error(`${t.scenario}: no such HTTP step`);
  return step.message.text;
};
const headLines = (raw: string): string[] => raw.split('\r\n\r\n')[0]?.split('\r\n') ?? [];
const bodyOf = (raw: string): string => raw.split('\r\n\r\n').slice(1).join('\r\n\r\n');

describe.runIf(HAS_HAPROXY)('HAProxy’s own answers, against a real HAProxy 2.6', () => {
  const base = scenarioById('load-balanced') as Scenario;
  const healthy = { ...base.topology.balancer!, failing: [], next: 1 };
  const withOne = (s: Scenario): Scenario => ({
    ...s,
    topology: { ...s.topology, balancer: { ...healthy, replicas: 2 } },
  });
  const seen: string[] = [];
  const held: net.Socket[] = [];
  const closer = replica((socket) => socket.destroy());
  const hanger = replica((socket) => held.push(socket));
  const recorder = replica((socket, request) => {
    seen.push(request);
    socket.end('HTTP/1.1 204 No Content\r\n\r\n');
  });
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-haproxy-errors-'));
  let haproxy: ChildProcess | null = null;
  const ports = { closer: 0, hanger: 0, recorder: 0 };

  beforeAll(async () => {
    const backends: string[] = [];
    for (const [name, server] of Object.entries({ closer, hanger, recorder })) {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = await freePort();
      ports[name as keyof typeof ports] = port;
      backends.push(`frontend ${name}
  bind 127.0.0.1:${port}
  http-request set-header X-Forwarded-Proto https
  http-response set-header Strict-Transport-Security max-age=63072000
  default_backend ${name}
backend ${name}
  option forwardfor
  option httpchk
  http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host shop.example
  server app-1 127.0.0.1:${(server.address() as AddressInfo).port} check inter 100ms`);
    }
    writeFileSync(
      join(dir, 'haproxy.cfg'),
      `defaults
  mode http
  timeout connect 2s
  timeout client 10s
  timeout server 1s
${backends.join('\n')}
`,
    );
    haproxy = spawn('haproxy', ['-f', join(dir, 'haproxy.cfg'), '-db'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 800));
  }, 30_000);

  afterAll(() => {
    haproxy?.kill();
    for (const socket of held) socket.destroy();
    for (const server of [closer, hanger, recorder]) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = async (scenario: Scenario, stack: Stack, port: number, status: number) => {
    const t = buildTimeline(scenario, stack);
    const toBrowser = stepText(t, (id) => id.startsWith('http-response-'));
    expect(t.outcome.status).toBe(status);
    const got = await exchangeRaw(
      port,
      stepText(t, (id) => id === 'http-request'),
    );
    expect(got.head).toEqual(headLines(toBrowser));
    expect(got.body.toString('utf8')).toBe(bodyOf(toBrowser));
  };

  it('a replica that closes the connection without answering (a Go panic): HAProxy’s 502 page', async () => {
    const crash = withOne({ ...base, faults: { ...base.faults, handlerBug: true } });
    await check(crash, { lang: 'go', db: 'postgres' }, ports.closer, 502);
  });

  it('a replica that never answers (its database is down): HAProxy’s 504 page after timeout server', async () => {
    const down = withOne({ ...base, faults: { ...base.faults, databaseDown: true } });
    await check(down, { lang: 'node', db: 'postgres' }, ports.hanger, 504);
  }, 10_000);

  it('behind a CDN edge: forwards the CDN’s request as the timeline shows, its own x-forwarded-for last', async () => {
    const viaCdn = withOne({ ...base, topology: { ...base.topology, cdn: true } });
    const t = buildTimeline(viaCdn, { lang: 'node', db: 'postgres' });
    await exchangeRaw(
      ports.recorder,
      stepText(t, (id) => id === 'cdn-forward'),
    );
    const forwarded = stepText(t, (id) => id === 'proxy-forward');
    expect(
      seen.at(-1)?.replace(/x-forwarded-for: 127\.0\.0\.1\r\n\r\n$/, 'x-forwarded-for: 203.0.113.80\r\n\r\n'),
    ).toBe(forwarded);
  });
});
