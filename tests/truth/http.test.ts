// Every HTTP message a timeline shows is fed, byte for byte, to Node's own HTTP parser (llhttp)
// over a loopback socket, and what the parser reads must be the step's structured data.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, buildTimeline } from '../../src/core/index.ts';
import type { Header, HttpRequest, HttpResponse } from '../../src/core/index.ts';
import { STACKS, stackName, stepsWith } from './timelines.ts';

const PARSE_TIMEOUT_MS = 1_000;

interface Parsed {
  readonly startLine: string;
  readonly httpVersion: string;
  readonly headers: Header[];
  readonly body: Buffer;
}

/** rawHeaders is [name, value, name, value, ...] exactly as received, case and order kept. */
const pairs = (raw: readonly string[]): Header[] => {
  const out: Header[] = [];
  for (let i = 0; i < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
};

const header = (headers: readonly Header[], name: string): string | undefined =>
  headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

function withTimeout<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: the parser never saw the end of the message (Content-Length longer than the body?)`)), PARSE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// --- Requests: a real http.Server reads the raw bytes we write to a plain TCP socket. ---------------

/** Who is waiting for the request arriving from each client port. */
const pendingRequests = new Map<number, (result: Parsed | Error) => void>();

const settle = (port: number | undefined, result: Parsed | Error): void => {
  if (port === undefined) return;
  pendingRequests.get(port)?.(result);
  pendingRequests.delete(port);
};

const requestServer = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    settle(req.socket.remotePort, {
      startLine: `${req.method ?? ''} ${req.url ?? ''}`,
      httpVersion: req.httpVersion,
      headers: pairs(req.rawHeaders),
      body: Buffer.concat(chunks),
    });
    res.writeHead(204).end();
  });
});
requestServer.on('clientError', (err: Error, socket: net.Socket) => {
  settle(socket.remotePort, new Error(`Node's HTTP parser rejected the request: ${err.message}`));
  socket.destroy();
});

function parseRequest(text: string): Promise<Parsed> {
  const { port } = requestServer.address() as AddressInfo;
  let resolveParsed: (result: Parsed | Error) => void = () => undefined;
  const parsed = new Promise<Parsed>((resolve, reject) => {
    resolveParsed = (result) => (result instanceof Error ? reject(result) : resolve(result));
  });
  const socket = net.connect(port, '127.0.0.1', () => {
    if (socket.localPort !== undefined) pendingRequests.set(socket.localPort, resolveParsed);
    socket.write(text, 'utf8');
  });
  socket.on('data', () => socket.end()); // the server's 204: the request was read to its end
  socket.on('error', () => undefined);
  return withTimeout('request', parsed).finally(() => {
    if (socket.localPort !== undefined) pendingRequests.delete(socket.localPort);
    socket.end();
  });
}

// --- Responses: a raw TCP server sends the response text; http.get parses it. -------------------------

const responses: string[] = [];

const responseServer = net.createServer((socket) => {
  socket.on('error', () => undefined);
  socket.once('data', (chunk: Buffer) => {
    // The client asks for GET /<n>: answer with response number n, and leave the connection open,
    // so the body must be delimited by Content-Length, not by the connection closing.
    const index = Number(/^GET \/(\d+) /.exec(chunk.toString('latin1'))?.[1]);
    socket.write(responses[index] ?? '', 'utf8');
  });
});

function parseResponse(text: string): Promise<Parsed & { readonly status: number }> {
  const { port } = responseServer.address() as AddressInfo;
  const index = responses.push(text) - 1;
  let request: http.ClientRequest | undefined;
  const parsed = new Promise<Parsed & { readonly status: number }>((resolve, reject) => {
    request = http.get({ host: '127.0.0.1', port, path: `/${index}`, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        startLine: `${res.statusCode ?? ''} ${res.statusMessage ?? ''}`,
        httpVersion: res.httpVersion,
        headers: pairs(res.rawHeaders),
        body: Buffer.concat(chunks),
      }));
    });
    request.on('error', (err) => reject(new Error(`Node's HTTP parser rejected the response: ${err.message}`)));
  });
  return withTimeout('response', parsed).finally(() => request?.destroy());
}

const listen = (server: net.Server): Promise<void> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));

beforeAll(async () => {
  await Promise.all([listen(requestServer), listen(responseServer)]);
});

afterAll(async () => {
  requestServer.closeAllConnections();
  await Promise.all([
    new Promise((resolve) => requestServer.close(resolve)),
    new Promise((resolve) => responseServer.close(resolve)),
  ]);
});

// --- The checks ------------------------------------------------------------------------------------

function expectBodyFraming(where: string, m: HttpRequest | HttpResponse, parsed: Parsed): void {
  expect(parsed.httpVersion, `${where}: version`).toBe('1.1');
  expect(parsed.headers, `${where}: headers (names, values, order)`).toEqual(m.headers.map(([n, v]) => [n, v]));
  expect(parsed.body.toString('utf8'), `${where}: body`).toBe(m.body);
  const length = header(m.headers, 'Content-Length');
  if (length !== undefined) expect(Number(length), `${where}: Content-Length is the body's UTF-8 byte length`).toBe(Buffer.byteLength(m.body, 'utf8'));
  if (m.body !== '') expect(length, `${where}: a body needs a Content-Length`).toBeDefined();
}

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  it.each(STACKS.map((s) => [stackName(s), s] as const))(
    'every HTTP request and response on %s parses with Node’s parser and matches its structured data',
    async (_name, stack) => {
      const timeline = buildTimeline(scenario, stack);
      for (const step of stepsWith(timeline, 'http')) {
        const m = step.message.http;
        const where = `${scenario.id} ${stackName(stack)} step ${step.id}`;
        if (m.kind === 'request') {
          expect(step.message.summary, `${where}: summary`).toBe(`${m.method} ${m.target}`);
          expect(header(m.headers, 'Host'), `${where}: every request to an origin carries Host`).toMatch(/^[a-z0-9.-]+(:\d+)?$/);
          const parsed = await parseRequest(step.message.text);
          expect(parsed.startLine, `${where}: method and target`).toBe(`${m.method} ${m.target}`);
          expectBodyFraming(where, m, parsed);
        } else {
          expect(step.message.summary, `${where}: summary`).toBe(`${m.status} ${m.reason}`);
          if (m.body !== '') expect(header(m.headers, 'Content-Type'), `${where}: a response with a body has a Content-Type`).toBeDefined();
          if (m.status === 304 || m.status === 204) expect(m.body, `${where}: ${m.status} has no body`).toBe('');
          const parsed = await parseResponse(step.message.text);
          expect(parsed.status, `${where}: status`).toBe(m.status);
          expect(parsed.startLine, `${where}: status and reason`).toBe(`${m.status} ${m.reason}`);
          expectBodyFraming(where, m, parsed);
        }
      }
    },
  );
});

describe('the harness itself', () => {
  it('rejects a request Node cannot parse (a space in a header name)', async () => {
    await expect(parseRequest('GET / HTTP/1.1\r\nHost: shop.example\r\nBad Header: x\r\n\r\n')).rejects.toThrow(/rejected/);
  });

  it('rejects a response with bytes beyond its Content-Length', async () => {
    await expect(parseResponse('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nabc')).rejects.toThrow(/rejected/);
  });

  it('fails rather than hangs when the body is shorter than Content-Length', async () => {
    await expect(parseRequest('POST / HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 5\r\n\r\nab')).rejects.toThrow(/never saw the end/);
  });
});
