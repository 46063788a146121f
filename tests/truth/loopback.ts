// Shared by the truth tests that put a real server between two steps of a timeline: the app's
// exchanges with the proxy, a free loopback port, and a raw request whose response head is read back.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SCENARIOS, buildTimeline } from '../../src/core/index.ts';
import type { HttpRequest, HttpResponse, Language } from '../../src/core/index.ts';
import { shownOn, stackName, stepsWith } from './timelines.ts';

/** What the proxy forwards to the app and what the app answers it, in one journey. */
export interface AppExchange {
  readonly where: string;
  readonly request: HttpRequest;
  readonly response: HttpResponse;
}

/** Every journey of every scenario on the stacks of `lang` that reaches the app. */
export const appExchanges = (lang: Language): AppExchange[] =>
  SCENARIOS.flatMap((scenario) =>
    shownOn(scenario)
      .filter((s) => s.lang === lang)
      .flatMap((stack) => {
        const http = stepsWith(buildTimeline(scenario, stack), 'http');
        // The proxy's or the load balancer's forward to the app (or the replica it picked), and the answer.
        const request = http.find((s) => s.id === 'proxy-forward')?.message.http;
        const response = http.find((s) => s.id.startsWith('app-response-') && s.to === 'proxy')?.message.http;
        return request?.kind === 'request' && response?.kind === 'response'
          ? [{ where: `${scenario.id} on ${stackName(stack)}`, request, response }]
          : [];
      }),
  );

/** A loopback port nothing listens on right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * A stand-in upstream behind a real proxy: reads each request head that arrives (and skips its Content-Length
 * body), and writes back what `answer` gives for it.
 */
export function upstreamServer(answer: (head: string[]) => string): net.Server {
  return net.createServer((socket) => {
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const head = pending.slice(0, end).split('\r\n');
        const length = Number(/^content-length: (\d+)$/im.exec(head.join('\n'))?.[1] ?? 0);
        pending = pending.slice(end + 4 + length);
        socket.write(Buffer.from(answer(head), 'utf8'));
      }
    });
    socket.on('error', () => undefined);
  });
}

/** What a server sends for `raw` (as UTF-8) up to its closing the connection, or up to `ms`. */
export const untilClosed = (
  port: number,
  raw: string,
  ms = 5_000,
): Promise<{ data: string; closed: boolean }> =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    let data = '';
    const timer = setTimeout(() => (socket.destroy(), resolve({ data, closed: false })), ms);
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    socket.on('end', () => (clearTimeout(timer), resolve({ data, closed: true })));
    socket.on('error', reject);
  });

/** Whether something on loopback accepts a connection on `port` now. */
export const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });

/** Writes `raw` to a new connection to `port` and resolves with the response's head, line by line. */
export function responseHead(port: number, raw: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(Buffer.from(raw, 'utf8')));
    let data = '';
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(data.slice(0, end).split('\r\n'));
      }
    });
    socket.on('error', reject);
  });
}

/** Writes `raw` to a new connection to `port`; resolves with the response's head lines and its Content-Length body. */
export function exchangeRaw(port: number, raw: string): Promise<{ head: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(Buffer.from(raw, 'utf8')));
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no complete response'));
    }, 5_000);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = data.subarray(0, end).toString('latin1').split('\r\n');
      const length = Number(/^content-length: (\d+)$/im.exec(head.join('\n'))?.[1] ?? 0);
      if (data.length - end - 4 < length) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ head, body: data.subarray(end + 4, end + 4 + length) });
    });
    socket.on('error', reject);
  });
}
