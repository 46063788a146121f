// The stylesheet as the proxy serves it from disk, and as the CDN edge serves its stored copy, checked against a
// real nginx 1.22.1 (when this machine has one): a static location with the timeline's add_header lines, the file
// with the stylesheet's bytes and mtime. nginx's head must be the timeline's, header for header in order and case
// (only Date's value, the clock's, differs); the CDN's copy is that head as stored an hour ago, its Date the
// origin's and Age counted from it (RFC 9111 §4.2.3, §5.1), Connection dropped.
import { chmodSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { HttpResponse, Timeline } from '../../src/core/index.ts';
import { STYLESHEET } from '../../src/core/engine/nginxStaticFile.ts';
import { epochMs } from '../../src/core/protocols/worldTime.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { exchangeRaw, freePort } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { headerFields, stepsWith } from './timelines.ts';

const STACK = { lang: 'node', db: 'postgres' } as const;

const toBrowser = (t: Timeline): { response: HttpResponse; atMs: number } => {
  const step = stepsWith(t, 'http').find((s) => s.to === 'browser' && s.message.http.kind === 'response');
  if (step?.message.http.kind !== 'response') throw new Error(`${t.scenario}: no response to the browser`);
  return { response: step.message.http, atMs: step.startMs };
};
const headOf = (m: HttpResponse): string[] => serializeHttp(m).split('\r\n\r\n')[0]?.split('\r\n') ?? [];
const withoutDate = (lines: readonly string[]) => lines.map((l) => (/^date: /i.test(l) ? 'Date: (now)' : l));

describe('the CDN’s stored copy (cdn-hit)', () => {
  // The edge speaks HTTP/2 with the browser (tests/truth/cdnHttp2.test.ts decodes its frames with Node's http2):
  // its HEADERS frame carries the stored head.
  const t = buildTimeline(scenarioById('cdn-hit')!, STACK);
  const step = stepsWith(t, 'http2').find((s) => s.id === 'http-response-200');
  const fields = headerFields(step?.message.http2.frames[0] ?? { lines: [] });
  const field = (name: string) => fields.find(([n]) => n === name)?.[1];

  it('keeps the origin’s Date and counts Age from it: Date + Age is the moment it is sent', () => {
    const date = Date.parse(field('date') ?? '');
    const age = Number(field('age'));
    expect(age).toBe(3600);
    const sent = epochMs(step!.startMs);
    expect(Math.abs(date + age * 1000 - sent)).toBeLessThan(1000);
  });

  it('is the origin’s head as nginx wrote it, Connection dropped, Age and X-Cache added', () => {
    const far = toBrowser(buildTimeline(scenarioById('far-away')!, STACK)).response;
    const origin = withoutDate(
      headOf(far)
        .slice(1)
        .filter((l) => !l.startsWith('Connection:'))
        .map((l) => l.replace(/^[^:]+/, (n) => n.toLowerCase())),
    );
    expect(withoutDate(fields.map(([n, v]) => `${n}: ${v}`))).toEqual([
      ':status: 200',
      ...origin,
      'age: 3600',
      'x-cache: HIT',
    ]);
  });
});

describe.runIf(HAS_NGINX)('the stylesheet against a real nginx', () => {
  let nginx: NginxProcess | null = null;
  let httpsPort = 0;
  let plainPort = 0;

  beforeAll(async () => {
    [httpsPort, plainPort] = [await freePort(), await freePort()];
    const location = (dir: string, hsts: boolean) => `
      ${hsts ? 'add_header Strict-Transport-Security "max-age=63072000" always;' : ''}
      location /static/ {
        root ${dir}/www;
        add_header Cache-Control "${STYLESHEET.cacheControl}";
        ${hsts ? 'add_header Strict-Transport-Security "max-age=63072000" always;' : ''}
      }`;
    nginx = await startNginx(
      (dir) => {
        // The stylesheet's bytes and mtime, in the prefix directory before nginx starts.
        mkdirSync(join(dir, 'www/static'), { recursive: true });
        writeFileSync(join(dir, 'www/static/app.css'), STYLESHEET.body);
        const mtime = epochMs(STYLESHEET.modifiedMs) / 1000;
        utimesSync(join(dir, 'www/static/app.css'), mtime, mtime);
        chmodSync(join(dir, 'www'), 0o755);
        return `  server { listen 127.0.0.1:${httpsPort}; ${location(dir, true)} }
  server { listen 127.0.0.1:${plainPort}; ${location(dir, false)} }`;
      },
      [httpsPort, plainPort],
    );
  }, 30_000);

  afterAll(() => nginx?.stop());

  it.each([
    ['far-away', true],
    ['plain-http', false],
  ] as const)('%s: the proxy’s head is nginx’s, header for header', async (id, https) => {
    const scenario = scenarioById(id)!;
    const t = buildTimeline(
      {
        ...scenario,
        request: { ...scenario.request, url: scenario.request.url.replace(/\/api\/.*$/, '/static/app.css') },
      },
      STACK,
    );
    const ours = toBrowser(t).response;
    const got = await exchangeRaw(
      https ? httpsPort : plainPort,
      'GET /static/app.css HTTP/1.1\r\nHost: shop.example\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n\r\n',
    );
    expect(withoutDate(headOf(ours))).toEqual(withoutDate(got.head));
    expect(ours.body).toBe(got.body.toString('utf8'));
  });
});
