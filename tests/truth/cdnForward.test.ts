// The CDN edge's fetch from the origin when the browser speaks HTTP/2 to the edge, against a real nginx (where
// this machine has one) as the edge: `listen … ssl http2` in front of the shop's proxy location
// (PROXY_SET_HEADERS, proxy_http_version 1.1, upstream keep-alive). The browser's frames of each journey that
// misses the edge (its preface and SETTINGS, its HEADERS and any DATA, byte for byte as the timeline shows
// them) go over TLS to nginx, a stand-in origin records what arrives over HTTP/1.1, and that must be the
// edge → origin step, header for header in order and case. nginx passes the client's fields on as it
// received them: over HTTP/2, lower case, and Chromium's `priority` with them. The address nginx appends
// to X-Forwarded-For is the test's 127.0.0.1 (read as the browser's) and $request_id random (compared by
// its shape: 32 hex digits).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/core/index.ts';
import type { HttpRequest, Http2Frame } from '../../src/core/index.ts';
import { builtScenario, decodeBuild } from '../../src/core/builder.ts';
import { PROXY_SET_HEADERS } from '../../src/core/engine/forwardedRequest.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { ADDRESS } from '../../src/core/world/world.ts';
import { selfSignedCertificate } from './chromium.ts';
import { PREFACE, bytesOf } from './h2wire.ts';
import { freePort, upstreamServer } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { stackName, STACKS, stepsWith } from './timelines.ts';

/**
 * Builds whose request misses the edge, each on a new connection (on an open one, the HEADERS block refers to
 * HPACK table entries the test's connection would not have): GETs of the API and of the stylesheet, a POST.
 */
const BUILDS = ['v1.cdn', 'v1.sku.cdn', 'v1.css.cdn', 'v1.post.cdn'];

interface Miss {
  readonly where: string;
  /** Everything the browser sends the edge over HTTP/2 for this request, in order. */
  readonly frames: readonly Http2Frame[];
  readonly forwarded: HttpRequest;
}

function misses(): Miss[] {
  return BUILDS.flatMap((code) => {
    const read = decodeBuild(code);
    if (!read.ok) throw new Error(`${code}: ${read.problem}`);
    const scenario = builtScenario(read.spec);
    return STACKS.filter((s) => s.db === 'postgres').map((stack): Miss => {
      const t = buildTimeline(scenario, stack);
      const h2 = stepsWith(t, 'http2').filter((s) => s.from === 'browser' && s.to === 'cdn');
      const forwarded = stepsWith(t, 'http').find((s) => s.id === 'cdn-forward')?.message.http;
      if (forwarded?.kind !== 'request' || h2.length === 0) throw new Error(`${code}: no miss`);
      return {
        where: `${code} on ${stackName(stack)}`,
        frames: h2.flatMap((s) => s.message.http2.frames),
        forwarded,
      };
    });
  });
}

/** Sends the browser's bytes over a new TLS connection with ALPN h2, and waits for the origin to record one head. */
async function sendOverH2(port: number, frames: readonly Http2Frame[], heads: string[][]): Promise<string[]> {
  const before = heads.length;
  const socket = tls.connect({
    host: '127.0.0.1',
    port,
    servername: 'shop.example',
    rejectUnauthorized: false,
    ALPNProtocols: ['h2'],
  });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
  expect(socket.alpnProtocol).toBe('h2');
  socket.write(Buffer.concat([PREFACE, bytesOf(frames)]));
  for (let i = 0; heads.length === before && i < 100; i++) await new Promise((r) => setTimeout(r, 50));
  socket.destroy();
  return heads[before] ?? [];
}

const normal = (lines: readonly string[]) =>
  lines
    .map((l) => l.replace(/^(X-Forwarded-For: )127\.0\.0\.1$/, `$1${ADDRESS.browser}`))
    .map((l) => l.replace(/^(X-Request-ID: )[0-9a-f]{32}$/, '$1(32 hex)'));

describe.runIf(HAS_NGINX)(
  'the CDN edge’s HTTP/1.1 fetch from the origin, on a real nginx speaking h2',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'roundtrip-edge-'));
    const heads: string[][] = [];
    const origin = upstreamServer((head) => (heads.push(head), 'HTTP/1.1 204 No Content\r\n\r\n'));
    let nginx: NginxProcess | null = null;
    let port = 0;

    beforeAll(async () => {
      selfSignedCertificate(dir, 30);
      await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
      const originPort = (origin.address() as AddressInfo).port;
      port = await freePort();
      nginx = await startNginx(
        `  upstream origin { server 127.0.0.1:${originPort}; keepalive 8; }
  server {
    listen 127.0.0.1:${port} ssl http2;
    server_name shop.example;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
${PROXY_SET_HEADERS.map(([name, value]) => `      proxy_set_header ${name} ${value};`).join('\n')}
    }
  }
`,
        port,
      );
    }, 30_000);

    afterAll(() => {
      nginx?.stop();
      origin.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('is the edge → origin step: the set headers first, then the browser’s fields as received over h2', async () => {
      for (const miss of misses()) {
        const got = await sendOverH2(port, miss.frames, heads);
        const shown = serializeHttp(miss.forwarded).split('\r\n\r\n')[0]!.split('\r\n');
        expect(normal(got), miss.where).toEqual(normal(shown));
      }
    }, 60_000);
  },
);
