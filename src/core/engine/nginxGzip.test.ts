import { describe, expect, it } from 'vitest';
import { httpRequest, httpResponse } from '../protocols/http.ts';
import { buildTimeline } from './buildTimeline.ts';
import { gzips } from './nginxGzip.ts';
import { compressed } from '../scenarios/compressed.ts';

const chrome = httpRequest('GET', '/api/catalog?after=0', [
  ['Host', 'shop.example'],
  ['Accept-Encoding', 'gzip, deflate, br, zstd'],
]);
const json = (status: number, headers: [string, string][] = []) =>
  httpResponse(
    status,
    [['Content-Type', 'application/json; charset=utf-8'], ['Content-Length', ''], ...headers],
    'x'.repeat(500),
  );

describe('gzips: when nginx’s gzip filter compresses (gzip_types application/json)', () => {
  it('JSON with a 200, 403 or 404 to a browser that accepts gzip', () => {
    for (const status of [200, 403, 404]) expect(gzips(chrome, json(status)), String(status)).toBe(true);
  });

  it('not other statuses, a body already encoded, a body under gzip_min_length, or a client without gzip', () => {
    expect(gzips(chrome, json(500))).toBe(false);
    expect(gzips(chrome, json(201))).toBe(false);
    expect(gzips(chrome, json(200, [['Content-Encoding', 'zstd']]))).toBe(false);
    expect(
      gzips(chrome, {
        ...json(200),
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Length', '19'],
        ],
      }),
    ).toBe(false);
    expect(
      gzips(
        httpRequest('GET', '/', [
          ['Host', 'shop.example'],
          ['Accept-Encoding', 'br'],
        ]),
        json(200),
      ),
    ).toBe(false);
    expect(gzips(httpRequest('GET', '/', [['Host', 'shop.example']]), json(200))).toBe(false);
  });

  it('not a type gzip_types does not list', () => {
    expect(
      gzips(chrome, {
        ...json(200),
        headers: [
          ['Content-Type', 'image/png'],
          ['Content-Length', '500'],
        ],
      }),
    ).toBe(false);
  });
});

describe('the compressed scenario', () => {
  const stack = { lang: 'node', db: 'postgres' } as const;
  const response = (gzip: boolean) => {
    const t = buildTimeline({ ...compressed, gzip }, stack);
    const step = t.steps.find((s) => s.from === 'proxy' && s.to === 'browser');
    if (step?.message.protocol !== 'http' || step.message.http.kind !== 'response')
      throw new Error('no response');
    return { t, step, http: step.message.http };
  };

  it('sends the page gzipped, chunked, with Vary: Accept-Encoding and no Content-Length', () => {
    const { http } = response(true);
    const names = http.headers.map(([n]) => n);
    expect(names).toContain('Transfer-Encoding');
    expect(names).not.toContain('Content-Length');
    expect(http.headers).toContainEqual(['Vary', 'Accept-Encoding']);
    expect(http.headers.at(-1)).toEqual(['Content-Encoding', 'gzip']);
    expect(http.coding?.chunks.reduce((a, b) => a + b, 0)).toBeLessThan(http.body.length / 4);
  });

  it('compressed, the page fits the first window; uncompressed, it waits a round trip more for ACKs', () => {
    const gz = response(true);
    const plain = response(false);
    expect(gz.step.durationMs).toBe(19);
    expect(plain.step.durationMs).toBe(19 + 38);
    expect(gz.t.steps.some((s) => s.id === 'proxy-gzip')).toBe(true);
    expect(plain.t.totalMs - gz.t.totalMs).toBeGreaterThan(37);
  });

  it('is not shown where the app server compresses first', () => {
    expect(() => buildTimeline(compressed, { lang: 'php', db: 'postgres' })).toThrow(/Caddyfile/);
    expect(() => buildTimeline(compressed, { lang: 'cpp', db: 'postgres' })).toThrow(/use_gzip/);
  });
});
