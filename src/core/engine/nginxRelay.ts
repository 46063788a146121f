import type { HttpResponse } from '../model/messages.ts';
import { headerValue } from '../protocols/http.ts';
import { httpDate } from '../protocols/httpDate.ts';

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
 * The response the reverse proxy (nginx, server_tokens off, upstream keep-alive) sends on after the
 * app answered it: nginx writes Server, Date, Content-Type, Content-Length (or Transfer-Encoding) and
 * Connection itself, in that order, then passes the app's other headers in the app's order and case.
 * Checked against a real nginx in tests/truth/nginx.test.ts. HSTS (add_header) is added by edgeResponse.
 */
export function nginxRelay(upstream: HttpResponse, nowMs: number): HttpResponse {
  const type = headerValue(upstream.headers, 'content-type');
  const length = headerValue(upstream.headers, 'content-length');
  const chunked = headerValue(upstream.headers, 'transfer-encoding')?.toLowerCase().includes('chunked');
  const passed = upstream.headers.filter(([n]) => {
    const name = n.toLowerCase();
    return !NOT_PASSED.has(name) && !name.startsWith('x-accel-');
  });
  return {
    ...upstream,
    headers: [
      ['Server', 'nginx'],
      ['Date', httpDate(nowMs)],
      ...(type === undefined ? [] : [['Content-Type', type] as const]),
      ...(length === undefined ? [] : [['Content-Length', length] as const]),
      ...(chunked ? [['Transfer-Encoding', 'chunked'] as const] : []),
      ['Connection', 'keep-alive'],
      ...passed,
    ],
  };
}
