// Laravel's answers as FrankenPHP's Go server writes them (php/frankenphp: Caddy sets Server before PHP runs,
// addHeader uses Header().Add; Go's net/http writes the map sorted, then the Content-Length it counts).
import { describe, expect, it } from 'vitest';
import { httpRequest } from '../../protocols/http.ts';
import { laravel } from './laravel.ts';

const request = httpRequest('GET', '/api/products/42', [['Host', 'shop.example']]);
const names = (answer: Parameters<typeof laravel.response.respond>[0]) =>
  laravel.response.respond(answer, request, 0).headers.map(([n]) => n);

describe('Laravel on FrankenPHP', () => {
  it('a product: Caddy’s Server, canonical names (Etag), sorted, then Content-Length', () => {
    expect(names({ kind: 'product', product: { id: 42 } })).toEqual([
      'Cache-Control',
      'Content-Type',
      'Date',
      'Etag',
      'Server',
      'X-Powered-By',
      'Content-Length',
    ]);
  });

  it('a 401: Www-Authenticate as Go spells it; a 304 has no Content-Length', () => {
    expect(names({ kind: 'unauthorized', challenge: 'Bearer' })).toContain('Www-Authenticate');
    expect(names({ kind: 'notModified', product: { id: 42 } }).at(-1)).toBe('X-Powered-By');
  });

  it('a 405: Allow sorts first; the uncaught 500 is written the same way', () => {
    expect(names({ kind: 'noRoute', allowed: ['GET'] })[0]).toBe('Allow');
    expect(laravel.response.uncaught(request, 0, '').response?.headers.map(([n]) => n)).toEqual([
      'Cache-Control',
      'Content-Type',
      'Date',
      'Server',
      'X-Powered-By',
      'Content-Length',
    ]);
  });
});
