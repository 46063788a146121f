// The CDN edge speaks HTTP/2 with the browser (issue 12 item 14), checked against real implementations.
// Node's own http2 module (nghttp2) decodes the timeline's frames: the browser's preface, SETTINGS, HEADERS and
// DATA sent to a Node h2c server must arrive as the fields and body the timeline shows; the edge's SETTINGS,
// HEADERS and DATA sent to a Node http2 client must arrive as the response it shows, its Date the origin's
// and Age counted from it. A real Chromium (Debian's /usr/bin/chromium) talking h2 through a recording relay
// must send, for the stylesheet, a fetch(), a POST and the stylesheet from the CDN's name (static.shop.example,
// same-site: no Origin, the page's origin as Referer), the fields `chromeH2Fields` makes of the HTTP/1.1
// request the timeline shows, in the same order, in header blocks our HPACK encoder sizes exactly.
import { mkdtempSync, rmSync } from 'node:fs';
import http2 from 'node:http2';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Header, Scenario, Timeline } from '../../src/core/index.ts';
import { builtScenario, decodeBuild } from '../../src/core/builder.ts';
import { browserRequest, isStylesheet } from '../../src/core/engine/browserRequest.ts';
import { chromeH2Fields } from '../../src/core/engine/edgeH2.ts';
import { parseUrl } from '../../src/core/engine/parseUrl.ts';
import { chromePolicy, hpackEncoder } from '../../src/core/protocols/hpack.ts';
import { epochMs } from '../../src/core/protocols/worldTime.ts';
import { VALID_TOKEN } from '../../src/core/world/world.ts';
import { languageProfile } from '../../src/core/stacks/languages.ts';
import { PREFACE, bytesOf, frameReader, pairs, recordingRelay } from './h2wire.ts';
import {
  asOurChromium,
  HAS_CHROMIUM,
  HAS_OPENSSL,
  launchChromium,
  selfSignedCertificate,
} from './chromium.ts';
import type { RawFrame } from './h2wire.ts';
import { STACKS, headerFields, stackName, stepsWith } from './timelines.ts';

const built = (code: string): Scenario => {
  const read = decodeBuild(code);
  if (!read.ok) throw new Error(`${code}: ${read.problem}`);
  return builtScenario(read.spec);
};

/** Every journey through a CDN edge over HTTPS: its lessons, and builds asking the API through it. */
const THROUGH_CDN: readonly Scenario[] = [
  scenarioById('cdn-hit')!,
  scenarioById('far-away-cdn')!,
  built('v1.cdn'),
  built('v1.post.cdn'),
  // the stylesheet through a cold edge: a MISS, fetched from the origin and stored
  built('v1.css.cdn'),
];

const h2Step = (t: Timeline, id: string) => {
  const step = stepsWith(t, 'http2').find((s) => s.id === id);
  if (!step) throw new Error(`${t.scenario}: no HTTP/2 step ${id}`);
  return step;
};
const responseStep = (t: Timeline) => {
  const step = stepsWith(t, 'http2').find((s) => s.to === 'browser' && s.id.startsWith('http-response-'));
  if (!step) throw new Error(`${t.scenario}: no HTTP/2 response`);
  return step;
};

describe('the CDN edge’s HTTP/2, through Node’s own http2 module', () => {
  it.each(THROUGH_CDN.map((s) => [s.id, s] as const))(
    '%s: TLS picks h2, and a Node h2c server decodes the browser’s frames into the fields and body shown',
    async (_id, scenario) => {
      const t = buildTimeline(scenario, STACKS[0]!);
      const ee = t.steps.find((s) => s.id === 'tls-encrypted-extensions');
      expect(ee?.message.text).toMatch(/application_layer_protocol_negotiation: h2/);
      const request = h2Step(t, 'http-request');
      const shownFields = headerFields(request.message.http2.frames[0]!);
      const shownBody = request.message.http2.frames
        .filter((f) => f.type === 'DATA')
        .map((f) => Buffer.from(f.payload, 'hex').toString('utf8'))
        .join('');
      const got = await new Promise<{ fields: Header[]; body: string }>((resolve, reject) => {
        const server = http2.createServer();
        server.on('stream', (stream: http2.ServerHttp2Stream, _h: unknown, _f: number, raw: string[]) => {
          let body = '';
          stream.on('data', (d: Buffer) => (body += d.toString('utf8')));
          stream.on('end', () => {
            stream.respond({ ':status': 200 });
            stream.end();
            server.close();
            resolve({ fields: pairs(raw), body });
          });
        });
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as net.AddressInfo;
          const socket = net.connect(port, '127.0.0.1', () =>
            socket.write(
              Buffer.concat([
                PREFACE,
                bytesOf(h2Step(t, 'h2-preface').message.http2.frames),
                bytesOf(request.message.http2.frames),
              ]),
            ),
          );
          socket.on('error', reject);
          setTimeout(() => (socket.destroy(), reject(new Error('no stream decoded'))), 5_000);
        });
      });
      expect(got.fields).toEqual(shownFields);
      expect(got.body).toBe(shownBody);
      expect(got.body).toBe(scenario.request.body);
    },
  );

  it.each(THROUGH_CDN.map((s) => [s.id, s] as const))(
    '%s: a Node http2 client decodes the edge’s frames into the response shown, on every stack',
    async (_id, scenario) => {
      for (const stack of STACKS.filter((st) => st.lang === 'node' || scenario.id.startsWith('v1.'))) {
        const t = buildTimeline(scenario, stack);
        const response = responseStep(t);
        const [head, ...data] = response.message.http2.frames;
        const frames = [...h2Step(t, 'h2-server-settings').message.http2.frames, head!, ...data];
        const server = net.createServer((socket) => {
          socket.on(
            'data',
            frameReader(true, (f) => (f.type === 1 ? socket.write(bytesOf(frames)) : undefined)),
          );
          socket.on('error', () => undefined);
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const { port } = server.address() as net.AddressInfo;
        const client = http2.connect(`http://127.0.0.1:${port}`);
        const got = await new Promise<{ headers: Header[]; body: string }>((resolve, reject) => {
          const req = client.request({ ':path': parseUrl(scenario.request.url).target });
          let headers: Header[] = [];
          let body = '';
          req.on('response', (_h: unknown, _f: number, raw: string[]) => (headers = pairs(raw)));
          req.on('data', (d: Buffer) => (body += d.toString('utf8')));
          req.on('end', () => resolve({ headers, body }));
          req.on('error', reject);
        });
        client.close();
        server.close();
        expect(got.headers, stackName(stack)).toEqual(headerFields(head!));
        expect(got.headers.some(([n]) => n === 'connection')).toBe(false);
        const shownBody = data.map((f) => Buffer.from(f.payload, 'hex').toString('utf8')).join('');
        expect(got.body, stackName(stack)).toBe(shownBody);
        const length = got.headers.find(([n]) => n === 'content-length')?.[1];
        if (length !== undefined) expect(Buffer.byteLength(got.body)).toBe(Number(length));
      }
    },
    60_000,
  );

  it.each(THROUGH_CDN.map((s) => [s.id, s] as const))(
    '%s: a copy from the edge’s cache keeps the origin’s Date, and Date + Age is when it is sent',
    (_id, scenario) => {
      const t = buildTimeline(scenario, STACKS[0]!);
      const step = responseStep(t);
      const fields = headerFields(step.message.http2.frames[0]!);
      const field = (name: string) => fields.find(([n]) => n === name)?.[1];
      const cache = field('x-cache');
      const age = field('age');
      if (cache === undefined) {
        // not a cacheable file: passed through, no Age (RFC 9111 §5.1: a cache adds it to what it serves)
        expect(age).toBeUndefined();
        return;
      }
      const sent = epochMs(step.startMs);
      const date = Date.parse(field('date') ?? '');
      expect(Math.abs(date + Number(age) * 1000 - sent), `Date ${field('date')}, Age ${age}`).toBeLessThan(
        1000,
      );
      expect(cache === 'HIT' ? Number(age) > 0 : Number(age) === 0).toBe(true);
    },
  );
});

describe('every cached copy shown keeps the Date it was stored with', () => {
  it('browser-cache-hit: the stored head’s Date plus the age the browser computes is the moment of the lookup', () => {
    const t = buildTimeline(scenarioById('browser-cache-hit')!, STACKS[0]!);
    const step = t.steps.find((s) => s.id === 'http-cache-lookup')!;
    const date = Date.parse(/^Date: (.+)$/m.exec(step.message.text)?.[1] ?? '');
    const age = Number(/^age (\d+) s/m.exec(step.message.text)?.[1]);
    expect(age).toBe(2 * 86_400);
    expect(Math.abs(date + age * 1000 - epochMs(step.startMs))).toBeLessThan(1000);
  });
});

const REVIEW = '{"rating":5,"body":"Bright and steady light."}';

describe.runIf(HAS_CHROMIUM && HAS_OPENSSL)('the HTTP/2 fields against a real Chromium', () => {
  it('a stylesheet, a fetch(), a POST and a stylesheet from static.shop.example: Chromium’s HTTP/1.1 headers in order, as HTTP/2 fields, in blocks our HPACK sizes exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roundtrip-cdn-h2-'));
    const { key, cert } = selfSignedCertificate(dir, 30);
    const pageFor = (
      port: number,
    ) => `<!doctype html><link rel="stylesheet" href="/static/app.css"><link rel="stylesheet" href="https://static.shop.example:${port}/static/app.css"><script>
(async () => {
  await new Promise((r) => addEventListener('load', r));
  await fetch('/api/products/42', { headers: { Accept: 'application/json' } });
  await fetch('/api/products/42/reviews', { method: 'POST', headers: { Authorization: 'Bearer ${VALID_TOKEN}', 'Content-Type': 'application/json', Accept: 'application/json' }, body: ${JSON.stringify(REVIEW)} });
  document.title = 'done';
})();
</script>`;
    const decoded: Header[][] = [];
    let port = 0;
    const backend = http2.createServer();
    backend.on(
      'stream',
      (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders, _f: number, raw: string[]) => {
        decoded.push(pairs(raw));
        const path = headers[':path'] ?? '';
        stream.on('data', () => undefined);
        stream.respond({
          ':status': 200,
          'content-type':
            path === '/' ? 'text/html' : path.endsWith('.css') ? 'text/css' : 'application/json',
        });
        stream.end(path === '/' ? pageFor(port) : path.endsWith('.css') ? 'body{}' : '{}');
      },
    );
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const backendPort = (backend.address() as net.AddressInfo).port;
    const sent: RawFrame[] = [];
    const relay = await recordingRelay(key, cert, backendPort, sent);
    port = relay.port;
    const browser = await launchChromium(
      ['shop.example', 'static.shop.example'],
      ['--ignore-certificate-errors'],
    );
    try {
      const tab = await browser.newPage({ ignoreHTTPSErrors: true });
      await tab.goto(`https://shop.example:${port}/`);
      await tab.waitForFunction(() => document.title === 'done');
    } finally {
      await browser.close();
      relay.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }

    const generic = (fields: readonly Header[]) =>
      fields.map(([n, v]): Header => [n, asOurChromium(v.replace(`:${port}`, ''))]);
    const pathOf = (fields: readonly Header[]) => fields.find(([n]) => n === ':path')?.[1];
    const authorityOf = (fields: readonly Header[]) => fields.find(([n]) => n === ':authority')?.[1];
    const live = (path: string, method: string, host = 'shop.example') =>
      decoded.find(
        (f) =>
          pathOf(f) === path &&
          authorityOf(f) === `${host}:${port}` &&
          f.some(([n, v]) => n === ':method' && v === method),
      );
    // The HTTP/1.1 requests the timeline shows for the same page calls (browser.test.ts checks those live).
    const ours = (id: string) => {
      const scenario = scenarioById(id)!;
      const url = parseUrl(scenario.request.url);
      const kind = isStylesheet(url) ? 'style' : 'fetch';
      return chromeH2Fields(browserRequest(scenario, url, languageProfile('node')), url.host, kind);
    };
    expect(generic(live('/static/app.css', 'GET') ?? [])).toEqual(ours('far-away'));
    // the page's stylesheet from the CDN's name: same-site, Referer the page's origin, no Origin (no-cors)
    expect(generic(live('/static/app.css', 'GET', 'static.shop.example') ?? [])).toEqual(ours('cdn-hit'));
    expect(generic(live('/api/products/42', 'GET') ?? [])).toEqual(ours('first-visit'));
    expect(generic(live('/api/products/42/reviews', 'POST') ?? [])).toEqual(ours('post-create'));

    // HPACK: our encoder, given Chromium's fields in order on one connection, writes blocks of Chromium's size.
    const every = sent.filter((f) => f.type === 1);
    // (one connection per host name, each with its own table: the CDN's name gets a connection of its own)
    const encoders = new Map<string, ReturnType<typeof hpackEncoder>>();
    const encode = (fields: readonly Header[]) => {
      const host = authorityOf(fields) ?? '';
      const encoder = encoders.get(host) ?? hpackEncoder(chromePolicy);
      encoders.set(host, encoder);
      return encoder(fields);
    };
    // (sorted: the two connections' frames may reach the relay and the backend interleaved differently)
    const ourSizes = decoded.map((fields) => encode(fields).bytes);
    const sizes = (list: number[]) => [...list].sort((a, b) => a - b);
    expect(sizes(ourSizes)).toEqual(sizes(every.map((f) => f.payload.length - 5)));
    // Each HEADERS frame: PRIORITY, exclusive, the weight of its kind (256 the stylesheet, 220 a fetch).
    const weightOf = (path: string, method: string) => {
      const size = ourSizes[decoded.indexOf(live(path, method)!)];
      return every.find((f) => f.payload.length - 5 === size)!.payload[4]! + 1;
    };
    expect([
      weightOf('/static/app.css', 'GET'),
      weightOf('/api/products/42', 'GET'),
      weightOf('/api/products/42/reviews', 'POST'),
    ]).toEqual([256, 220, 220]);
  }, 60_000);
});
