import { describe, expect, it } from 'vitest';
import { fetchSite, needsPreflight, unsafeHeaderNames } from './cors.ts';
import { parseUrl } from './parseUrl.ts';

describe('CORS rules (Fetch Standard)', () => {
  it.each([
    ['https://shop.example', 'https://shop.example/api/products/42', 'same-origin'],
    ['https://shop.example', 'https://api.shop.example/api/products/42', 'same-site'],
    ['http://shop.example', 'https://api.shop.example/api/products/42', 'cross-site'],
    ['https://evil.example', 'https://api.shop.example/api/products/42', 'cross-site'],
    ['https://shop.example:8443', 'https://shop.example/x', 'same-site'],
  ] as const)('a page on %s asking for %s is %s', (page, url, site) => {
    expect(fetchSite(page, parseUrl(url))).toBe(site);
  });

  it('lists the unsafe header names in lower case, sorted; Accept and a simple Content-Type are safe', () => {
    expect(
      unsafeHeaderNames([
        ['Content-Type', 'application/json'],
        ['Authorization', 'Bearer x'],
        ['Accept', 'application/json'],
      ]),
    ).toEqual(['authorization', 'content-type']);
    expect(unsafeHeaderNames([['Content-Type', 'text/plain;charset=UTF-8']])).toEqual([]);
  });

  it.each([
    ['GET', [['Accept', 'application/json']], false],
    ['POST', [['Content-Type', 'application/x-www-form-urlencoded']], false],
    ['POST', [['Content-Type', 'application/json']], true],
    ['GET', [['Authorization', 'Bearer x']], true],
    ['DELETE', [], true],
  ] as const)('%s with %j needs a preflight: %s', (method, headers, needed) => {
    expect(needsPreflight(method, headers)).toBe(needed);
  });
});
