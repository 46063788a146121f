// The app servers that compress their own answers: FrankenPHP's Caddy (`encode zstd br gzip` in Octane's
// Caddyfile) in front of Laravel, and Drogon (use_gzip, on by default). Read in Caddy v2.11.4
// (modules/caddyhttp/encode/encode.go, the version FrankenPHP's caddy/go.mod requires) and Drogon 1.9.13
// (HttpServer.cc getCompressedResponse, HttpResponseImpl::shouldBeCompressed).
import { describe, expect, it } from 'vitest';
import { httpRequest, httpResponse } from '../../protocols/http.ts';
import { headerValue } from '../../protocols/http.ts';
import { buildTimeline } from '../../engine/buildTimeline.ts';
import { scenarioById } from '../../scenarios/index.ts';
import { caddyEncode, caddyEncoding } from './caddyEncode.ts';
import { drogon } from './drogon.ts';
import { laravel } from './laravel.ts';

const CHROME_HTTPS = 'gzip, deflate, br, zstd';
const get = (acceptEncoding?: string) =>
  httpRequest('GET', '/api/products/42', [
    ['Host', 'shop.example'],
    ...(acceptEncoding === undefined ? [] : [['Accept-Encoding', acceptEncoding] as [string, string]]),
  ]);
/** A list of products whose compact JSON is exactly `bytes` long. */
const listOf = (bytes: number) => {
  const pad = bytes - '[{"name":""}]'.length;
  return { kind: 'list' as const, items: [{ name: 'x'.repeat(pad) }] };
};

describe('Caddy’s encode picks by the client’s q-values, then its own order zstd, br, gzip', () => {
  it.each([
    [CHROME_HTTPS, 'zstd'],
    ['gzip, deflate', 'gzip'],
    ['br;q=1, zstd;q=0.5', 'br'],
    ['gzip;q=0, deflate', null],
    ['identity', null],
    ['', null],
  ])('Accept-Encoding: %j → %s', (accept, picked) => {
    expect(caddyEncoding(get(accept))).toBe(picked);
  });
});

describe('Laravel behind FrankenPHP’s Caddy', () => {
  const notModified = { kind: 'notModified' as const, product: { id: 42 } };

  it('a 304 to a request that accepts an encoding carries Vary: Accept-Encoding (encode.go, #5849)', () => {
    const r = laravel.response.respond(notModified, get(CHROME_HTTPS), 0);
    expect(headerValue(r.headers, 'Vary')).toBe('Accept-Encoding');
    expect(headerValue(laravel.response.respond(notModified, get(), 0).headers, 'Vary')).toBeUndefined();
  });

  it('a Vary naming something else gets a second Vary line (h.Add); one naming Accept-Encoding is kept', () => {
    const with304 = (vary: string) =>
      caddyEncode(get(CHROME_HTTPS), {
        ...httpResponse(304, [['Vary', vary]]),
      }).headers.filter(([n]) => n === 'Vary');
    expect(with304('Cookie')).toEqual([
      ['Vary', 'Cookie'],
      ['Vary', 'Accept-Encoding'],
    ]);
    expect(with304('Cookie, accept-encoding')).toEqual([['Vary', 'Cookie, accept-encoding']]);
  });

  it('repeat-visit on php: the app’s 304 and the one nginx relays say Vary: Accept-Encoding', () => {
    const t = buildTimeline(scenarioById('repeat-visit')!, { lang: 'php', db: 'postgres' });
    const responses = t.steps.flatMap((s) =>
      s.message.protocol === 'http' && s.message.http.kind === 'response' && s.message.http.status === 304
        ? [s.message.http]
        : [],
    );
    expect(responses).toHaveLength(2);
    for (const r of responses) expect(headerValue(r.headers, 'Vary')).toBe('Accept-Encoding');
  });

  it('an answer of 512 bytes or less goes out as it is, with no Vary', () => {
    const r = laravel.response.respond(listOf(512), get(CHROME_HTTPS), 0);
    expect(headerValue(r.headers, 'Content-Length')).toBe('512');
    expect(headerValue(r.headers, 'Content-Encoding')).toBeUndefined();
    expect(headerValue(r.headers, 'Vary')).toBeUndefined();
  });

  it('one longer would be zstd-compressed by Caddy, whose size the core cannot give: it refuses', () => {
    expect(() => laravel.response.respond(listOf(513), get(CHROME_HTTPS), 0)).toThrow(
      /513-byte answer with zstd/,
    );
    expect(() => laravel.response.respond(listOf(513), get('gzip, deflate'), 0)).toThrow(
      /513-byte answer with gzip/,
    );
    expect(laravel.response.respond(listOf(513), get(), 0).body).toHaveLength(513);
  });
});

describe('Drogon’s use_gzip', () => {
  it('an answer under 1,024 bytes goes out as it is (the NotFound page, 572 bytes, too)', () => {
    const r = drogon.response.respond(listOf(1023), get(CHROME_HTTPS), 0);
    expect(headerValue(r.headers, 'content-encoding')).toBeUndefined();
    const page = drogon.response.respond({ kind: 'noRoute', allowed: [] }, get(CHROME_HTTPS), 0);
    expect([page.status, headerValue(page.headers, 'content-length')]).toEqual([404, '572']);
  });

  it('one of 1,024 bytes would be gzipped when the request names gzip: the core refuses to guess its size', () => {
    expect(() => drogon.response.respond(listOf(1024), get(CHROME_HTTPS), 0)).toThrow(/1024-byte answer/);
    // use_brotli is off by default: a client offering only br gets the body as it is.
    expect(drogon.response.respond(listOf(1024), get('br'), 0).body).toHaveLength(1024);
  });
});
