// http2 against real implementations. Node's own http2 module (nghttp2) decodes the timeline's frames: the
// browser's preface, SETTINGS and HEADERS bytes sent to a Node h2c server must arrive as the very fields the
// timeline shows, in order; nginx's HEADERS and DATA bytes sent to a Node http2 client must arrive as its
// response. A real nginx 1.22 (listen … ssl http2) must send the SETTINGS, WINDOW_UPDATE and ACK the timeline
// shows, byte for byte. A real Chromium (Debian's /usr/bin/chromium) loading a page with a stylesheet and
// a fetch() through a recording relay in front of a Node http2 server must send the timeline's SETTINGS
// and WINDOW_UPDATE, its HEADERS flags and weights, the fields in the same order, and header blocks of
// exactly the length our HPACK encoder (Chromium's indexing policy, Huffman when shorter) gives them.
import http2 from 'node:http2';
import net from 'node:net';
import tls from 'node:tls';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Header } from '../../src/core/index.ts';
import { chromeH2Headers, pageRequests } from '../../src/core/engine/http2Exchange.ts';
import { chromePolicy, hpackEncoder } from '../../src/core/protocols/hpack.ts';
import { frameHex } from '../../src/core/protocols/http2Frames.ts';
import { nginxH2Fields } from '../../src/core/protocols/nginxHpack.ts';
import { freePort } from './loopback.ts';
import { PREFACE, bytesOf, frameReader, pairs, recordingRelay } from './h2wire.ts';
import type { RawFrame } from './h2wire.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import { STACKS, stackName, stepsWith } from './timelines.ts';
import {
  asOurChromium,
  HAS_CHROMIUM,
  HAS_OPENSSL,
  launchChromium,
  selfSignedCertificate,
} from './chromium.ts';

const timeline = (stack = STACKS[0]!) => buildTimeline(scenarioById('http2')!, stack);
const framesOf = (id: string, stack = STACKS[0]!) => {
  const step = stepsWith(timeline(stack), 'http2').find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step.message.http2.frames;
};

describe('http2: the timeline’s frames through Node’s own http2 module', () => {
  it('a Node h2c server decodes the browser’s frames into the fields the timeline shows', async () => {
    const got: Header[][] = [];
    const server = http2.createServer();
    server.on('stream', (stream: http2.ServerHttp2Stream, _h: unknown, _f: number, raw: string[]) => {
      got.push(pairs(raw));
      stream.respond({ ':status': 200 });
      stream.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const ctxHost = 'shop.example';
    const sent = Buffer.concat([
      PREFACE,
      bytesOf(framesOf('h2-preface')),
      bytesOf(framesOf('h2-headers-1')),
      bytesOf(framesOf('h2-headers-3')),
    ]);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(sent));
      socket.on('data', () => (got.length === 2 ? (socket.destroy(), resolve()) : undefined));
      socket.on('error', reject);
      setTimeout(() => reject(new Error(`only ${got.length} streams decoded`)), 5_000);
    });
    server.close();
    expect(got).toEqual([
      chromeH2Headers(ctxHost, '/static/app.css', 'style'),
      chromeH2Headers(ctxHost, '/api/products/42', 'fetch'),
    ]);
  });

  it('a Node http2 client decodes nginx’s HEADERS and DATA into each stream’s response, on every stack', async () => {
    for (const stack of STACKS) {
      const t = timeline(stack);
      const requests = pageRequests('shop.example', scenarioById('http2')!.request.url);
      const answers = requests.map((r) => r.stream);
      const frames = [
        framesOf('h2-server-settings', stack),
        ...answers.map((s) => framesOf(`h2-response-${s}`, stack)),
      ];
      const server = net.createServer((socket) => {
        let headers = 0;
        socket.on(
          'data',
          frameReader(true, (f) => {
            if (f.type === 1 && ++headers === answers.length) socket.write(bytesOf(frames.flat()));
          }),
        );
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      const client = http2.connect(`http://127.0.0.1:${port}`);
      const results = await Promise.all(
        requests.map(
          (r) =>
            new Promise<{ headers: Header[]; body: string }>((resolve, reject) => {
              const req = client.request({ ':path': new URL(r.url).pathname });
              let headers: Header[] = [];
              let body = '';
              req.on('response', (_h: unknown, _f: number, raw: string[]) => (headers = pairs(raw)));
              req.on('data', (d: Buffer) => (body += d.toString('utf8')));
              req.on('end', () => resolve({ headers, body }));
              req.on('error', reject);
            }),
        ),
      );
      client.close();
      server.close();
      const shown = stepsWith(t, 'http2').filter((s) => s.id.startsWith('h2-response-'));
      const expected = shown.map((s) => {
        const [head, data] = s.message.http2.frames;
        return {
          fields: head!.lines.filter((l) => !l.startsWith(';')).map((l) => l.split('    ;')[0]),
          body: Buffer.from(data!.payload, 'hex').toString('utf8'),
        };
      });
      expect(
        results.map((r) => ({ fields: r.headers.map(([n, v]) => `${n}: ${v}`), body: r.body })),
        stackName(stack),
      ).toEqual(expected);
    }
  }, 60_000);

  it('nginx’s response fields are the relayed response’s, lower case, without hop-by-hop headers', () => {
    const fields = nginxH2Fields({
      kind: 'response',
      version: 'HTTP/1.1',
      status: 200,
      reason: 'OK',
      headers: [
        ['Server', 'nginx'],
        ['Connection', 'keep-alive'],
        ['Keep-Alive', 'timeout=5'],
        ['ETag', 'W/"1"'],
      ],
      body: '',
    });
    expect(fields).toEqual([
      [':status', '200'],
      ['server', 'nginx'],
      ['etag', 'W/"1"'],
    ]);
  });
});

describe.runIf(HAS_NGINX)('http2 against a real nginx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-h2-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('nginx sends the SETTINGS, WINDOW_UPDATE and SETTINGS ACK the timeline shows, byte for byte', async () => {
    selfSignedCertificate(dir, 30);
    const port = await freePort();
    const nginx = await startNginx(
      `  server {
    listen 127.0.0.1:${port} ssl http2;
    server_name shop.example;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    location / { return 200 "ok\\n"; }
  }`,
      port,
    );
    try {
      const frames: RawFrame[] = [];
      const alpn = await new Promise<string | false>((resolve, reject) => {
        const socket = tls.connect(
          {
            host: '127.0.0.1',
            port,
            servername: 'shop.example',
            rejectUnauthorized: false,
            ALPNProtocols: ['h2', 'http/1.1'],
          },
          () => {
            socket.write(Buffer.concat([PREFACE, bytesOf(framesOf('h2-preface'))]));
          },
        );
        socket.on(
          'data',
          frameReader(false, (f) => {
            frames.push(f);
            if (frames.length === 3) {
              socket.destroy();
              resolve(socket.alpnProtocol ?? false);
            }
          }),
        );
        socket.on('error', reject);
      });
      expect(alpn).toBe('h2');
      const got = frames.map(
        (f) =>
          f.payload.length.toString(16).padStart(6, '0') +
          f.type.toString(16).padStart(2, '0') +
          f.flags.toString(16).padStart(2, '0') +
          f.stream.toString(16).padStart(8, '0') +
          f.payload.toString('hex'),
      );
      expect(got).toEqual(framesOf('h2-server-settings').map(frameHex));
    } finally {
      nginx.stop();
    }
  }, 30_000);
});

describe.runIf(HAS_CHROMIUM && HAS_OPENSSL)('http2 against a real Chromium', () => {
  it('sends the timeline’s SETTINGS, priorities, fields in order, and header blocks our HPACK encoder sizes exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roundtrip-h2c-'));
    const { key, cert } = selfSignedCertificate(dir, 30);
    const page = `<!doctype html><link rel="stylesheet" href="/static/app.css"><script>fetch('/api/products/42').then(() => fetch('/api/products/42')).then(() => { document.title = 'done'; });</script>`;
    const decoded: Header[][] = [];
    const backend = http2.createServer();
    backend.on(
      'stream',
      (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders, _f: number, raw: string[]) => {
        decoded.push(pairs(raw));
        const path = headers[':path'] ?? '';
        stream.respond({
          ':status': 200,
          'content-type':
            path === '/' ? 'text/html' : path.endsWith('.css') ? 'text/css' : 'application/json',
        });
        stream.end(path === '/' ? page : path.endsWith('.css') ? 'body{}' : '{}');
      },
    );
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const backendPort = (backend.address() as net.AddressInfo).port;
    const sent: RawFrame[] = [];
    const relay = await recordingRelay(key, cert, backendPort, sent);
    const browser = await launchChromium(['shop.example'], ['--ignore-certificate-errors']);
    try {
      const tab = await browser.newPage({ ignoreHTTPSErrors: true });
      await tab.goto(`https://shop.example:${relay.port}/`);
      await tab.waitForFunction(() => document.title === 'done');
    } finally {
      await browser.close();
      relay.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }

    // The connection's opening: SETTINGS and WINDOW_UPDATE exactly as the timeline's.
    const hexOf = (f: RawFrame) => f.payload.toString('hex');
    const [settings, update] = framesOf('h2-preface');
    expect(hexOf(sent[0]!)).toBe(settings!.payload);
    expect([sent[1]!.type, hexOf(sent[1]!)]).toEqual([8, update!.payload]);

    // Each request: END_STREAM | END_HEADERS | PRIORITY, exclusive, the weight of its kind.
    // The page, its stylesheet and its fetch (Chromium asks for /favicon.ico after them).
    // The page, its stylesheet and its two fetches (and /favicon.ico, asked for in between).
    const every = sent.filter((f) => f.type === 1);
    const pathOf = (fields: readonly Header[]) => fields.find(([n]) => n === ':path')?.[1];
    const asked = decoded.flatMap((fields, i) => (pathOf(fields) === '/favicon.ico' ? [] : [i]));
    const headers = asked.map((i) => every[i]!);
    expect(asked.map((i) => pathOf(decoded[i]!))).toEqual([
      '/',
      '/static/app.css',
      '/api/products/42',
      '/api/products/42',
    ]);
    const weight = (f: RawFrame) => f.payload[4]! + 1;
    expect(headers.map((f) => [f.flags, f.payload[0]! >> 7])).toEqual(Array(4).fill([0x25, 1]));
    const ours = [framesOf('h2-headers-1')[0]!, framesOf('h2-headers-3')[0]!];
    expect(headers.slice(1, 3).map(weight)).toEqual(ours.map((f) => Buffer.from(f.payload, 'hex')[4]! + 1));

    // The fields, in order: the timeline's but for the port in :authority and Referer and the headless UA.
    const generic = (fields: readonly Header[]) =>
      fields.map(([n, v]): Header => [n, asOurChromium(v.replace(`:${relay.port}`, ''))]);
    expect(generic(decoded[asked[1]!]!)).toEqual(chromeH2Headers('shop.example', '/static/app.css', 'style'));
    expect(generic(decoded[asked[2]!]!)).toEqual(
      chromeH2Headers('shop.example', '/api/products/42', 'fetch'),
    );

    // HPACK: our encoder, given Chromium's fields in order on one connection, writes blocks of Chromium's size.
    const encode = hpackEncoder(chromePolicy);
    // (The repeated fetch shows that Chromium does not index :path: its path costs as many bytes again.)
    expect(decoded.map((fields) => encode(fields).bytes)).toEqual(every.map((f) => f.payload.length - 5));
  }, 60_000);
});
