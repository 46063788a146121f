import { describe, expect, it } from 'vitest';
import { parseUrl } from './parseUrl.ts';

describe('parseUrl', () => {
  it('reads the query as URLSearchParams does: + is a space, a=b=c keeps b=c, the first repeat wins', () => {
    const url = parseUrl('https://shop.example/api/products?sku=SKU+00042&x=a=b=c&sku=SKU-00001&e=%C3%A9');
    expect(url.query).toEqual({ sku: 'SKU 00042', x: 'a=b=c', e: 'é' });
    expect(url.target).toBe('/api/products?sku=SKU+00042&x=a=b=c&sku=SKU-00001&e=%C3%A9');
  });

  it('never throws on a malformed escape: the URL keeps it, as a browser sends it', () => {
    const url = parseUrl('https://shop.example/api/products/%zz?sku=%E0%A4%A');
    expect(url.path).toBe('/api/products/%zz');
    // URLSearchParams decodes the bytes it can and replaces a broken UTF-8 sequence with U+FFFD.
    expect(url.query).toEqual({ sku: '\ufffd%A' });
  });

  it('percent-encodes what a browser encodes, resolves dot segments and drops the fragment', () => {
    const url = parseUrl('HTTPS://Shop.Example:443/a b/../"x"?q=1 2#frag');
    expect(url).toMatchObject({
      https: true,
      host: 'shop.example',
      port: 443,
      path: '/%22x%22',
      target: '/%22x%22?q=1%202',
    });
  });

  it('keeps an empty query in the target, and takes a port and plain http', () => {
    expect(parseUrl('http://shop.example:8080/api/products?').target).toBe('/api/products?');
    expect(parseUrl('http://shop.example:8080/').port).toBe(8080);
    expect(parseUrl('http://shop.example').target).toBe('/');
  });

  it('throws only for what is not an http(s) URL at all', () => {
    expect(() => parseUrl('ftp://shop.example/')).toThrow(/http/);
    expect(() => parseUrl('not a url')).toThrow(/URL/);
  });
});
