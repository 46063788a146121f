// The compressed scenario against a real nginx 1.22 (where this machine has one): each stack's answer to the
// catalogue's page is replayed by a stand-in app behind nginx configured as the scenario says (gzip on;
// gzip_types application/json; gzip_vary on; HSTS on the TLS server block), and the browser's own request is
// sent to it. What nginx sends back must be the proxy → browser step: header for header in order and case (Date
// aside), the same chunks of gzip data, which decompress to exactly the JSON the app sent.
import net from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { HttpRequest, HttpResponse, Scenario, Stack } from '../../src/core/index.ts';
import { gzipKey, pinnedGzipChunks } from '../../src/core/engine/gzipChunks.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { freePort, headOf, withoutDate } from './loopback.ts';
import { HAS_NGINX, proxyLocation, replayServer, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { shownOn, stackName, stepsWith } from './timelines.ts';

const compressed = scenarioById('compressed') as Scenario;

interface Case {
  readonly where: string;
  readonly stack: Stack;
  readonly request: HttpRequest;
  readonly fromApp: HttpResponse;
}

/** Each stack's browser request and the app's answer, from the journey with nginx's gzip off. */
const cases = (): Case[] =>
  shownOn(compressed).map((stack) => {
    const http = stepsWith(buildTimeline({ ...compressed, gzip: false }, stack), 'http');
    const request = http.find((s) => s.id === 'http-request')?.message.http;
    const fromApp = http.find((s) => s.from === 'app' && s.to === 'proxy')?.message.http;
    if (request?.kind !== 'request' || fromApp?.kind !== 'response') throw new Error(stackName(stack));
    return { where: `compressed on ${stackName(stack)}`, stack, request, fromApp };
  });

interface Received {
  readonly head: string[];
  readonly chunks: Buffer[];
}

/** Sends `raw` and reads a chunked response to its last chunk. */
const chunkedExchange = (port: number, raw: string): Promise<Received> =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => (socket.destroy(), reject(new Error('no complete response'))), 5_000);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const chunks: Buffer[] = [];
      for (let at = end + 4; ;) {
        const line = data.indexOf('\r\n', at);
        if (line < 0) return;
        const size = parseInt(data.subarray(at, line).toString('latin1'), 16);
        if (size === 0) break;
        if (data.length < line + 2 + size + 2) return;
        chunks.push(data.subarray(line + 2, line + 2 + size));
        at = line + 2 + size + 2;
      }
      clearTimeout(timer);
      socket.destroy();
      resolve({ head: data.subarray(0, end).toString('latin1').split('\r\n'), chunks });
    });
    socket.on('error', reject);
  });

describe.runIf(HAS_NGINX)('compressed: nginx’s gzip against a real nginx', () => {
  const all = cases();
  let upstream: { port: number; close: () => void } | null = null;
  let nginx: NginxProcess | null = null;
  let port = 0;

  beforeAll(async () => {
    upstream = await replayServer(all.map((c) => serializeHttp(c.fromApp)));
    port = await freePort();
    nginx = await startNginx(
      `
  gzip on;
  gzip_types application/json;
  gzip_vary on;
  upstream app { server 127.0.0.1:${upstream.port}; keepalive 8; }
  server { listen 127.0.0.1:${port}; ${proxyLocation(true)} }`,
      [port],
    );
  }, 30_000);

  afterAll(() => {
    nginx?.stop();
    upstream?.close();
  });

  /** What nginx sends for each case: the browser's request, marked with the answer to replay. */
  const received = async (): Promise<Received[]> => {
    const out: Received[] = [];
    for (const [id, c] of all.entries()) {
      const [start, ...rest] = serializeHttp(c.request).split('\r\n');
      out.push(await chunkedExchange(port, [start, `X-Replay: ${id}`, ...rest].join('\r\n')));
    }
    return out;
  };

  it('every stack the scenario is shown on answers more than 15 KB of JSON, which nginx compresses', async () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
    const got = await received();
    const pinned: Record<string, number[]> = {};
    for (const [i, c] of all.entries()) {
      const r = got[i];
      if (!r) throw new Error(c.where);
      expect(Buffer.byteLength(c.fromApp.body), c.where).toBeGreaterThan(15_000);
      expect(r.head, c.where).toContain('Content-Encoding: gzip');
      expect(
        gunzipSync(Buffer.concat(r.chunks)).toString('utf8'),
        `${c.where}: decompresses to the JSON`,
      ).toBe(c.fromApp.body);
      pinned[gzipKey(c.fromApp.body)] = r.chunks.map((b) => b.length);
    }
    // The table engine/gzipChunks.ts pins must be what nginx sends now (printed in full when a body changed).
    for (const c of all)
      expect(pinnedGzipChunks(c.fromApp.body), `${c.where}: GZIP_CHUNKS = ${JSON.stringify(pinned)}`).toEqual(
        pinned[gzipKey(c.fromApp.body)],
      );
  }, 60_000);

  it('what nginx sends is the proxy → browser step: its head, and its chunks of gzip data', async () => {
    const got = await received();
    for (const [i, c] of all.entries()) {
      const step = stepsWith(buildTimeline(compressed, c.stack), 'http').find(
        (s) => s.from === 'proxy' && s.to === 'browser',
      )?.message.http;
      if (step?.kind !== 'response') throw new Error(`${c.where}: no response to the browser`);
      expect(withoutDate(headOf(step)), c.where).toEqual(withoutDate(got[i]?.head ?? []));
      expect(step.coding?.chunks, `${c.where}: the chunks`).toEqual(got[i]?.chunks.map((b) => b.length));
      expect(step.body, `${c.where}: what the page gets`).toBe(c.fromApp.body);
    }
  }, 60_000);
});
