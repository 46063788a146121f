// Every HTTP message a timeline shows is fed, byte for byte, to Node's own HTTP parser (llhttp)
// over a loopback socket, and what the parser reads must be the step's structured data.
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, buildTimeline } from '../../src/core/index.ts';
import { builtScenario, decodeBuild } from '../../src/core/builder.ts';
import { EXAMPLE_BUILDS } from '../support/buildSpecs.ts';
import type { Header, HttpRequest, HttpResponse, Language } from '../../src/core/index.ts';
import { productRow } from '../../src/core/data/shopData.ts';
import { shownOn, stackName, stepsWith } from './timelines.ts';

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
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `${what}: the parser never saw the end of the message (Content-Length longer than the body?)`,
          ),
        ),
      PARSE_TIMEOUT_MS,
    );
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
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          startLine: `${res.statusCode ?? ''} ${res.statusMessage ?? ''}`,
          httpVersion: res.httpVersion,
          headers: pairs(res.rawHeaders),
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('error', (err) =>
      reject(new Error(`Node's HTTP parser rejected the response: ${err.message}`)),
    );
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
  expect(parsed.headers, `${where}: headers (names, values, order)`).toEqual(
    m.headers.map(([n, v]) => [n, v]),
  );
  expect(parsed.body.toString('utf8'), `${where}: body`).toBe(m.body);
  const length = header(m.headers, 'Content-Length');
  if (length !== undefined)
    expect(Number(length), `${where}: Content-Length is the body's UTF-8 byte length`).toBe(
      Buffer.byteLength(m.body, 'utf8'),
    );
  if (m.body !== '') expect(length, `${where}: a body needs a Content-Length`).toBeDefined();
}

/**
 * A compressed body is binary: its wire text stands each chunk's data in with a bracketed line. The text's chunk
 * sizes must be the structured ones, and the head with chunks of that many bytes must parse as a chunked message
 * with Content-Encoding and no Content-Length (nginxGzip.test.ts checks the bytes themselves against nginx).
 */
async function expectCodedFraming(
  where: string,
  text: string,
  m: HttpResponse,
  chunks: readonly number[],
): Promise<void> {
  const [head = '', body = ''] = text.split(/\r\n\r\n(.*)/s);
  const sizes = [...body.matchAll(/^([0-9a-f]+)\r\n/gm)].map((match) => parseInt(match[1] ?? '', 16));
  expect(sizes, `${where}: the chunk sizes written`).toEqual([...chunks, 0]);
  const filled = chunks.map((n) => `${n.toString(16)}\r\n${'x'.repeat(n)}\r\n`).join('') + '0\r\n\r\n';
  const parsed = await parseResponse(`${head}\r\n\r\n${filled}`);
  expect(parsed.status, `${where}: status`).toBe(m.status);
  expect(parsed.headers, `${where}: headers (names, values, order)`).toEqual(
    m.headers.map(([n, v]) => [n, v]),
  );
  expect(parsed.body.length, `${where}: the compressed bytes`).toBe(chunks.reduce((a, b) => a + b, 0));
  expect(header(m.headers, 'Content-Length'), `${where}: no Content-Length`).toBeUndefined();
  expect(header(m.headers, 'Transfer-Encoding'), where).toBe('chunked');
  expect(header(m.headers, 'Content-Encoding'), where).toBe(m.coding?.name);
}

const BUILT = EXAMPLE_BUILDS.map((code) => {
  const decoded = decodeBuild(code);
  if (!decoded.ok) throw new Error(`${code}: ${decoded.problem}`);
  return builtScenario(decoded.spec);
});

describe.each([...SCENARIOS, ...BUILT].map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  it.each(shownOn(scenario).map((s) => [stackName(s), s] as const))(
    'every HTTP request and response on %s parses with Node’s parser and matches its structured data',
    async (_name, stack) => {
      const timeline = buildTimeline(scenario, stack);
      for (const step of stepsWith(timeline, 'http')) {
        const m = step.message.http;
        const where = `${scenario.id} ${stackName(stack)} step ${step.id}`;
        if (m.kind === 'request') {
          expect(step.message.summary, `${where}: summary`).toBe(`${m.method} ${m.target}`);
          expect(header(m.headers, 'Host'), `${where}: every request to an origin carries Host`).toMatch(
            /^[a-z0-9.-]+(:\d+)?$/,
          );
          const parsed = await parseRequest(step.message.text);
          expect(parsed.startLine, `${where}: method and target`).toBe(`${m.method} ${m.target}`);
          expectBodyFraming(where, m, parsed);
        } else {
          expect(step.message.summary, `${where}: summary`).toBe(`${m.status} ${m.reason}`);
          if (m.body !== '')
            expect(
              header(m.headers, 'Content-Type'),
              `${where}: a response with a body has a Content-Type`,
            ).toBeDefined();
          if (m.status === 304 || m.status === 204)
            expect(m.body, `${where}: ${m.status} has no body`).toBe('');
          if (m.coding) {
            await expectCodedFraming(where, step.message.text, m, m.coding.chunks);
            continue;
          }
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
    await expect(
      parseRequest('GET / HTTP/1.1\r\nHost: shop.example\r\nBad Header: x\r\n\r\n'),
    ).rejects.toThrow(/rejected/);
  });

  it('rejects a response with bytes beyond its Content-Length', async () => {
    await expect(
      parseResponse('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nabc'),
    ).rejects.toThrow(/rejected/);
  });

  it('fails rather than hangs when the body is shorter than Content-Length', async () => {
    await expect(
      parseRequest('POST / HTTP/1.1\r\nHost: shop.example\r\nContent-Length: 5\r\n\r\nab'),
    ).rejects.toThrow(/never saw the end/);
  });
});

// --- Each framework's own responses ----------------------------------------------------------------
// An independent statement of what each framework, as its profile's handler code is written, sends for
// each scenario: Content-Type, the shape of error bodies, and the cache headers. ETags that frameworks
// compute themselves are recomputed here with Node's crypto.

type Kind = 'product' | 'notModified' | 'list' | 'created' | 'noRoute' | 'unauthorized' | 'invalid';

/** What the app server answers in each scenario (null: the app server never answers). */
const KIND: Readonly<Record<string, Kind | null>> = {
  'first-visit': 'product',
  'repeat-visit': 'notModified',
  'plain-http': 'product',
  'not-found': 'noRoute',
  unauthorized: 'unauthorized',
  'invalid-input': 'invalid',
  'post-create': 'created',
  'slow-query': 'list',
  'indexed-query': 'list',
  'cache-miss': 'product',
  'cache-hit': 'product',
  'cdn-hit': null,
  nxdomain: null,
  'expired-certificate': null,
  'database-down': null,
  'bad-gateway': null,
};

/** Express's weak ETag (the `etag` package): W/"<UTF-8 length, hex>-<SHA-1 base64, first 27>". */
const expressTag = (body: string): string =>
  `W/"${Buffer.byteLength(body, 'utf8').toString(16)}-${createHash('sha1').update(body, 'utf8').digest('base64').slice(0, 27)}"`;
/** Rails' weak ETag (stale?(etag:) and Rack::ETag): W/"<SHA-256 hex, first 32>". */
const railsTag = (text: string): string =>
  `W/"${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32)}"`;

type TagRule = 'strong' | 'express' | 'rails' | null;

interface Expected {
  readonly status: number;
  /** null: no Content-Type (a 304). */
  readonly type: string | null;
  /** Exact Cache-Control, or null for none. */
  readonly cache: string | null;
  readonly tag: TagRule;
  /** Checks the body's shape. */
  readonly body: (body: string, request: HttpRequest) => void;
}

const json = (body: string): unknown => JSON.parse(body);
const keys = (body: string): string[] => Object.keys(json(body) as object);
const product = (body: string): void =>
  expect(keys(body)).toEqual(['id', 'sku', 'name', 'price_cents', 'stock']);
const list = (body: string): void => expect(Array.isArray(json(body))).toBe(true);
const review = (body: string): void => expect(keys(body)).toEqual(['id', 'product_id', 'rating', 'body']);
const empty = (body: string): void => expect(body).toBe('');
const pathOf = (request: HttpRequest): string => request.target.split('?')[0] ?? '';
const WORLD_START_MS = Date.parse('2026-11-24T09:00:00Z');

/** Spring Boot's default error body: exactly timestamp, status, error, path; the time from the simulated clock. */
const springError =
  (status: number, error: string) =>
  (body: string, request: HttpRequest): void => {
    const parsed = json(body) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['timestamp', 'status', 'error', 'path']);
    expect(parsed).toMatchObject({ status, error, path: pathOf(request) });
    expect(String(parsed['timestamp'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const at = Date.parse(String(parsed['timestamp'])) - WORLD_START_MS;
    expect(at, 'the timestamp is the simulated clock’s, not a real one').toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(60_000);
  };

/** jsoncpp (Drogon's JSON) keeps an object's keys sorted. */
const sortedProduct = (body: string): void =>
  expect(keys(body)).toEqual(['id', 'name', 'price_cents', 'sku', 'stock']);
const sortedReview = (body: string): void =>
  expect(keys(body)).toEqual(['body', 'id', 'product_id', 'rating']);
const DROGON_JSON = 'application/json; charset=utf-8';

const FRAMEWORK: Readonly<Record<Language, Readonly<Record<Kind, Expected>>>> = {
  node: {
    product: {
      status: 200,
      type: 'application/json; charset=utf-8',
      cache: 'no-cache',
      tag: 'strong',
      body: product,
    },
    notModified: { status: 304, type: null, cache: 'no-cache', tag: 'strong', body: empty },
    list: { status: 200, type: 'application/json; charset=utf-8', cache: null, tag: 'express', body: list },
    created: {
      status: 201,
      type: 'application/json; charset=utf-8',
      cache: null,
      tag: 'express',
      body: review,
    },
    noRoute: {
      status: 404,
      type: 'text/html; charset=utf-8',
      cache: null,
      tag: null,
      body: (body, request) =>
        expect(body).toContain(`<pre>Cannot ${request.method} ${pathOf(request)}</pre>`),
    },
    unauthorized: {
      status: 401,
      type: 'application/json; charset=utf-8',
      cache: null,
      tag: 'express',
      body: (b) => expect(json(b)).toEqual({ error: 'Unauthorized' }),
    },
    invalid: {
      status: 422,
      type: 'application/json; charset=utf-8',
      cache: null,
      tag: 'express',
      body: (b) => expect(json(b)).toEqual({ errors: [{ field: 'rating', message: expect.any(String) }] }),
    },
  },
  python: {
    product: { status: 200, type: 'application/json', cache: 'no-cache', tag: 'strong', body: product },
    notModified: { status: 304, type: null, cache: 'no-cache', tag: 'strong', body: empty },
    list: { status: 200, type: 'application/json', cache: null, tag: null, body: list },
    created: { status: 201, type: 'application/json', cache: null, tag: null, body: review },
    noRoute: {
      status: 404,
      type: 'application/json',
      cache: null,
      tag: null,
      body: (b) => expect(json(b)).toEqual({ detail: 'Not Found' }),
    },
    unauthorized: {
      status: 401,
      type: 'application/json',
      cache: null,
      tag: null,
      body: (b) => expect(json(b)).toEqual({ detail: expect.any(String) }),
    },
    invalid: {
      status: 422,
      type: 'application/json',
      cache: null,
      tag: null,
      body: (b) =>
        expect(json(b)).toEqual({
          detail: [
            {
              type: 'less_than_equal',
              loc: ['body', 'rating'],
              msg: 'Input should be less than or equal to 5',
              input: 9,
              ctx: { le: 5 },
            },
          ],
        }),
    },
  },
  java: {
    product: { status: 200, type: 'application/json', cache: 'no-cache', tag: 'strong', body: product },
    // checkNotModified sets only the ETag: the handler returns before its Cache-Control is built.
    notModified: { status: 304, type: null, cache: null, tag: 'strong', body: empty },
    list: { status: 200, type: 'application/json', cache: null, tag: null, body: list },
    created: { status: 201, type: 'application/json', cache: null, tag: null, body: review },
    noRoute: {
      status: 404,
      type: 'application/json',
      cache: null,
      tag: null,
      body: springError(404, 'Not Found'),
    },
    unauthorized: {
      status: 401,
      type: 'application/json',
      cache: null,
      tag: null,
      body: springError(401, 'Unauthorized'),
    },
    // A body that fails @Valid is a 400 in Spring, not a 422.
    invalid: {
      status: 400,
      type: 'application/json',
      cache: null,
      tag: null,
      body: springError(400, 'Bad Request'),
    },
  },
  ruby: {
    product: {
      status: 200,
      type: 'application/json; charset=utf-8',
      cache: 'no-cache',
      tag: 'rails',
      body: product,
    },
    notModified: { status: 304, type: null, cache: 'no-cache', tag: 'rails', body: empty },
    list: {
      status: 200,
      type: 'application/json; charset=utf-8',
      cache: 'max-age=0, private, must-revalidate',
      tag: 'rails',
      body: list,
    },
    created: {
      status: 201,
      type: 'application/json; charset=utf-8',
      cache: 'max-age=0, private, must-revalidate',
      tag: 'rails',
      body: review,
    },
    noRoute: {
      status: 404,
      type: 'application/json; charset=utf-8',
      cache: null,
      tag: null,
      body: (b) => expect(b).toBe('{"status":404,"error":"Not Found"}'),
    },
    unauthorized: {
      status: 401,
      type: 'application/json; charset=utf-8',
      cache: 'no-cache',
      tag: null,
      body: (b) => expect(json(b)).toEqual({ error: 'Unauthorized' }),
    },
    invalid: {
      status: 422,
      type: 'application/json; charset=utf-8',
      cache: 'no-cache',
      tag: null,
      body: (b) => expect(json(b)).toEqual({ errors: { rating: [expect.any(String)] } }),
    },
  },
  go: {
    product: { status: 200, type: 'application/json', cache: 'no-cache', tag: 'strong', body: product },
    notModified: { status: 304, type: null, cache: 'no-cache', tag: 'strong', body: empty },
    list: { status: 200, type: 'application/json', cache: null, tag: null, body: list },
    created: { status: 201, type: 'application/json', cache: null, tag: null, body: review },
    noRoute: {
      status: 404,
      type: 'text/plain; charset=utf-8',
      cache: null,
      tag: null,
      body: (b) => expect(b).toBe('404 page not found\n'),
    },
    unauthorized: {
      status: 401,
      type: 'application/json',
      cache: null,
      tag: null,
      body: (b) => expect(json(b)).toEqual({ error: 'Unauthorized' }),
    },
    invalid: {
      status: 422,
      type: 'application/json',
      cache: null,
      tag: null,
      body: (b) => expect(json(b)).toEqual({ errors: [{ field: 'rating', message: expect.any(String) }] }),
    },
  },
  php: {
    product: {
      status: 200,
      type: 'application/json',
      cache: 'no-cache, private',
      tag: 'strong',
      body: product,
    },
    notModified: { status: 304, type: null, cache: 'no-cache, private', tag: 'strong', body: empty },
    list: { status: 200, type: 'application/json', cache: 'no-cache, private', tag: null, body: list },
    created: { status: 201, type: 'application/json', cache: 'no-cache, private', tag: null, body: review },
    noRoute: {
      status: 404,
      type: 'application/json',
      cache: 'no-cache, private',
      tag: null,
      body: (b, request) => {
        expect(json(b)).toEqual({ message: `The route ${pathOf(request).slice(1)} could not be found.` });
        expect(b, 'the exception handler pretty-prints').toMatch(/^\{\n {4}"message": /);
      },
    },
    unauthorized: {
      status: 401,
      type: 'application/json',
      cache: 'no-cache, private',
      tag: null,
      body: (b) => expect(json(b)).toEqual({ message: expect.any(String) }),
    },
    invalid: {
      status: 422,
      type: 'application/json',
      cache: 'no-cache, private',
      tag: null,
      body: (b) =>
        expect(json(b)).toEqual({ message: expect.any(String), errors: { rating: [expect.any(String)] } }),
    },
  },
  cpp: {
    product: { status: 200, type: DROGON_JSON, cache: 'no-cache', tag: 'strong', body: sortedProduct },
    notModified: { status: 304, type: null, cache: 'no-cache', tag: 'strong', body: empty },
    list: { status: 200, type: DROGON_JSON, cache: null, tag: null, body: list },
    created: { status: 201, type: DROGON_JSON, cache: null, tag: null, body: sortedReview },
    noRoute: {
      status: 404,
      type: 'text/html; charset=utf-8',
      cache: null,
      tag: null,
      body: (b) => {
        expect(b).toMatch(/^<html>\n<head><title>404 Not Found<\/title><\/head>\n/);
        expect(b).toContain('<hr><center>drogon/1.9.13</center>');
      },
    },
    unauthorized: {
      status: 401,
      type: DROGON_JSON,
      cache: null,
      tag: null,
      body: (b) => expect(json(b)).toEqual({ error: 'Unauthorized' }),
    },
    invalid: {
      status: 422,
      type: DROGON_JSON,
      cache: null,
      tag: null,
      body: (b) => expect(json(b)).toEqual({ errors: [{ field: 'rating', message: expect.any(String) }] }),
    },
  },
};

/** Headers a framework puts on every response it renders itself. */
const DEFAULTS: Readonly<Record<Language, readonly string[]>> = {
  node: ['X-Powered-By: Express'],
  python: [],
  java: [],
  ruby: [
    'X-Frame-Options: SAMEORIGIN',
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
  ],
  go: [],
  php: ['X-Powered-By: PHP/8.4.14'],
  cpp: ['server: drogon/1.9.13'],
};

const ANSWERED = SCENARIOS.flatMap((s) => {
  const kind = KIND[s.id];
  return kind ? [[s.id, s, kind] as const] : [];
});

describe.each(ANSWERED)('%s: each framework’s own response', (_id, scenario, kind) => {
  it.each(shownOn(scenario).map((s) => [stackName(s), s] as const))(
    '%s: status, Content-Type, body shape and cache headers are the framework’s',
    (_name, stack) => {
      const t = buildTimeline(scenario, stack);
      const forwarded = t.steps.find((s) => s.id === 'proxy-forward');
      const answer = t.steps.find((s) => s.id.startsWith('app-response-'));
      if (forwarded?.message.protocol !== 'http' || answer?.message.protocol !== 'http')
        throw new Error('no app response');
      const request = forwarded.message.http as HttpRequest;
      const m = answer.message.http as HttpResponse;
      const want = FRAMEWORK[stack.lang][kind];
      const where = `${scenario.id} ${stackName(stack)}`;
      const names = m.headers.map(([n]) => n.toLowerCase());
      expect(new Set(names).size, `${where}: no header twice`).toBe(names.length);
      expect(m.status, `${where}: status`).toBe(want.status);
      expect(header(m.headers, 'Content-Type') ?? null, `${where}: Content-Type`).toBe(want.type);
      expect(header(m.headers, 'Cache-Control') ?? null, `${where}: Cache-Control`).toBe(want.cache);
      want.body(m.body, request);
      const tag = header(m.headers, 'ETag') ?? null;
      switch (want.tag) {
        case null:
          expect(tag, `${where}: no ETag`).toBeNull();
          break;
        case 'strong':
          expect(tag, `${where}: the handler's strong ETag`).toMatch(/^"[0-9a-f]{8}"$/);
          break;
        case 'express':
          expect(tag, `${where}: Express's weak ETag of the body`).toBe(expressTag(m.body));
          break;
        case 'rails':
          expect(tag, `${where}: Rails' weak ETag`).toBe(
            railsTag(kind === 'notModified' ? JSON.stringify(productRow(42)) : m.body),
          );
          break;
      }
      if (kind === 'notModified')
        expect(tag, `${where}: the 304 carries the ETag the browser sent`).toBe(
          header(request.headers, 'If-None-Match'),
        );
      expect(header(m.headers, 'Date') !== undefined, `${where}: Date (Puma sends none)`).toBe(
        stack.lang !== 'ruby',
      );
      if (stack.lang === 'ruby')
        expect(header(m.headers, 'X-Request-Id'), `${where}: Rails echoes the request id`).toBe(
          header(request.headers, 'X-Request-ID'),
        );
      const rendered = !(stack.lang === 'ruby' && kind === 'noRoute');
      for (const line of DEFAULTS[stack.lang]) {
        const [name = '', value] = line.split(': ');
        expect(header(m.headers, name), `${where}: ${name}`).toBe(rendered ? value : undefined);
      }
      if (kind === 'unauthorized') expect(header(m.headers, 'WWW-Authenticate'), where).toMatch(/^Bearer/);
      if (kind === 'created')
        expect(header(m.headers, 'Location'), where).toMatch(/^\/api\/products\/42\/reviews\/\w+$/);
      const browser = t.steps.find((s) => s.id.startsWith('http-response-'));
      if (browser?.message.protocol === 'http') {
        expect(browser.message.http.body, `${where}: the proxy relays the body`).toBe(m.body);
        expect(header(browser.message.http.headers, 'Content-Type'), `${where}: and its Content-Type`).toBe(
          header(m.headers, 'Content-Type'),
        );
      }
    },
  );
});
