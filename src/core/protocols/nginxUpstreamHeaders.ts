import type { Header, HttpResponse } from '../model/messages.ts';
import { headerValue } from './http.ts';

/**
 * Upstream headers nginx does not pass on: hop-by-hop ones (RFC 9110 §7.6.1), the ones its proxy
 * module hides by default (Date, Server, X-Pad, X-Accel-*), and the ones it writes itself.
 */
const NOT_PASSED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'date',
  'server',
  'x-pad',
  'content-type',
  'content-length',
]);

/**
 * What nginx's proxy module makes of an upstream's headers (upstream keep-alive): the ones it writes itself after
 * Server — Date, Content-Type, Content-Length (or Transfer-Encoding) and Connection, in that order — and the
 * upstream's others, passed on in its order and case.
 */
export function nginxUpstreamHeaders(
  upstream: HttpResponse,
  date: string,
): { readonly own: readonly Header[]; readonly passed: readonly Header[] } {
  const type = headerValue(upstream.headers, 'content-type');
  const length = headerValue(upstream.headers, 'content-length');
  const chunked = headerValue(upstream.headers, 'transfer-encoding')?.toLowerCase().includes('chunked');
  return {
    own: [
      ['Date', date],
      ...(type === undefined ? [] : [['Content-Type', type] as const]),
      ...(length === undefined ? [] : [['Content-Length', length] as const]),
      ...(chunked ? [['Transfer-Encoding', 'chunked'] as const] : []),
      ['Connection', 'keep-alive'],
    ],
    passed: upstream.headers.filter(([n]) => {
      const name = n.toLowerCase();
      return !NOT_PASSED.has(name) && !name.startsWith('x-accel-');
    }),
  };
}
