// The load balancer's side of the load-balanced journeys, checked against a real HAProxy (when this
// machine has one: apt-get install haproxy; CI may not). Three stand-in replicas on loopback replay the
// timeline's app answers; app-2's /healthz answers 503. HAProxy is configured as the timeline describes it
// (roundrobin, option httpchk with GET /healthz and Host, option forwardfor, X-Forwarded-Proto and HSTS
// set by rules), and must send the health check the timeline shows, forward the browser's request as the
// timeline shows it, pass the app's answer on as the balancer → browser step, never send a request to the
// replica that is DOWN, and answer with the built-in 503 page when no replica is up.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Scenario, Timeline } from '../../src/core/index.ts';
import { exchangeRaw, freePort } from './loopback.ts';
import { STACKS, stackName, stepsWith } from './timelines.ts';

const HAS_HAPROXY = spawnSync('haproxy', ['-v'], { input: '' }).error === undefined;

/** A stand-in replica: records every request it gets and answers with `answer()` (or 503 on /healthz when failing). */
function replica(failing: boolean, answer: () => string, seen: string[]): net.Server {
  return net.createServer((socket) => {
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      const end = pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/^content-length: (\d+)$/im.exec(pending.slice(0, end))?.[1] ?? 0);
      if (pending.length < end + 4 + length) return;
      const request = pending.slice(0, end + 4 + length);
      pending = '';
      seen.push(request);
      if (request.startsWith('GET /healthz ')) {
        const body = failing ? '{"status":"fail"}' : '{"status":"ok"}';
        socket.end(
          `HTTP/1.1 ${failing ? '503 Service Unavailable' : '200 OK'}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        );
      } else socket.write(Buffer.from(answer(), 'utf8'));
    });
    socket.on('error', () => undefined);
  });
}

/** Writes `raw` and resolves with the response's head lines and its body as text. */
const exchange = async (port: number, raw: string): Promise<{ head: string[]; body: string }> => {
  const { head, body } = await exchangeRaw(port, raw);
  return { head, body: body.toString('utf8') };
};

const text = (t: Timeline, where: (id: string) => boolean): string => {
  const step = stepsWith(t, 'http').find((s) => where(s.id));
  if (!step) throw new Error(`${t.scenario}: no such HTTP step`);
  return step.message.text;
};
const headLines = (raw: string): string[] => raw.split('\r\n\r\n')[0]?.split('\r\n') ?? [];

describe.runIf(HAS_HAPROXY)('the load balancer against a real HAProxy 2.6', () => {
  const scenario = scenarioById('load-balanced') as Scenario;
  const seen: string[][] = [[], [], []];
  let current = '';
  const servers = [false, true, false].map((failing, i) => replica(failing, () => current, seen[i] ?? []));
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-haproxy-'));
  let haproxy: ChildProcess | null = null;
  let port = 0;
  let nonePort = 0;

  beforeAll(async () => {
    const ports: number[] = [];
    for (const server of servers) {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      ports.push((server.address() as AddressInfo).port);
    }
    [port, nonePort] = [await freePort(), await freePort()];
    const closed = await freePort();
    writeFileSync(
      join(dir, 'haproxy.cfg'),
      `global
  log stdout format raw local0
defaults
  mode http
  timeout connect 2s
  timeout client 10s
  timeout server 10s
frontend web
  bind 127.0.0.1:${port}
  http-request set-header X-Forwarded-Proto https
  http-response set-header Strict-Transport-Security max-age=63072000
  default_backend app
frontend none
  bind 127.0.0.1:${nonePort}
  http-response set-header Strict-Transport-Security max-age=63072000
  default_backend none
backend app
  balance roundrobin
  option forwardfor
  option httpchk
  http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host shop.example
${ports.map((p, i) => `  server app-${i + 1} 127.0.0.1:${p} check inter 100ms fall 3 rise 2`).join('\n')}
backend none
  option httpchk
  server app-1 127.0.0.1:${closed} check inter 100ms fall 1
`,
    );
    haproxy = spawn('haproxy', ['-f', join(dir, 'haproxy.cfg'), '-db'], { stdio: 'ignore' });
    // Long enough for three failed checks of app-2 (fall 3, inter 100 ms).
    await new Promise((r) => setTimeout(r, 1_500));
  }, 30_000);

  afterAll(() => {
    haproxy?.kill();
    for (const server of servers) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the health check the timeline shows', () => {
    const t = buildTimeline(scenario, STACKS[0]!);
    const check = seen[0]?.find((r) => r.startsWith('GET /healthz '));
    expect(check).toBe(text(t, (id) => id === 'health-check'));
  });

  it('forwards the browser’s request and relays the answer as the timeline shows, for every stack; app-2, DOWN, gets none', async () => {
    for (const stack of STACKS) {
      const t = buildTimeline(scenario, stack);
      const forwarded = text(t, (id) => id === 'proxy-forward');
      current = text(t, (id) => id.startsWith('app-response-'));
      const before = seen.map((s) => s.filter((r) => !r.startsWith('GET /healthz ')).length);
      const got = await exchange(
        port,
        text(t, (id) => id === 'http-request'),
      );
      const received = seen.flatMap((s, i) =>
        s.filter((r) => !r.startsWith('GET /healthz ')).slice(before[i]),
      );
      expect(received, stackName(stack)).toHaveLength(1);
      // Only the client's address differs: 127.0.0.1 here, the browser's in the timeline.
      expect(received[0]?.replace('x-forwarded-for: 127.0.0.1', 'x-forwarded-for: 192.0.2.15')).toBe(
        forwarded,
      );
      const toBrowser = text(t, (id) => id.startsWith('http-response-'));
      expect(got.head, stackName(stack)).toEqual(headLines(toBrowser));
      expect(got.body).toBe(toBrowser.split('\r\n\r\n').slice(1).join('\r\n\r\n'));
    }
    expect(seen[1]?.every((r) => r.startsWith('GET /healthz '))).toBe(true);
  }, 60_000);

  it('answers with its built-in 503 page when no replica is up', async () => {
    const spec = scenario.topology.balancer!;
    const allDown: Scenario = {
      ...scenario,
      topology: { ...scenario.topology, balancer: { ...spec, failing: [1, 2, 3] } },
    };
    const t = buildTimeline(allDown, STACKS[0]!);
    const got = await exchange(
      nonePort,
      text(t, (id) => id === 'http-request'),
    );
    const toBrowser = text(t, (id) => id.startsWith('http-response-'));
    expect(got.head).toEqual(headLines(toBrowser));
    expect(got.body).toBe(toBrowser.split('\r\n\r\n').slice(1).join('\r\n\r\n'));
  });
});
