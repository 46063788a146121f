import type { Header, HttpRequest } from '../model/messages.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { headerValue } from '../protocols/http.ts';

/**
 * The shop's proxy location (`proxy_http_version 1.1`, upstream keep-alive): its `proxy_set_header` lines in
 * config order, each a header name and the nginx value it is set to. tests/truth/nginxForward.test.ts writes
 * them into a real nginx's config.
 */
export const PROXY_SET_HEADERS: readonly (readonly [string, string])[] = [
  ['Host', '$host'],
  ['Connection', '""'],
  ['X-Forwarded-For', '$proxy_add_x_forwarded_for'],
  ['X-Forwarded-Proto', '$scheme'],
  ['X-Request-ID', '$request_id'],
];

/**
 * The client's headers nginx's proxy module never passes on: those a `proxy_set_header` names, and those of
 * its own defaults (Host, Connection, Content-Length, Transfer-Encoding, TE, Keep-Alive, Expect, Upgrade).
 */
const NOT_PASSED = new Set([
  ...PROXY_SET_HEADERS.map(([name]) => name.toLowerCase()),
  'connection',
  'content-length',
  'transfer-encoding',
  'te',
  'keep-alive',
  'expect',
  'upgrade',
]);

/**
 * The request as the proxy forwards it. nginx (ngx_http_proxy_create_request, checked against nginx 1.22 in
 * tests/truth/nginxForward.test.ts) writes the `proxy_set_header` headers first, in config order, skipping
 * those whose value is empty (Connection ""), then Content-Length for a body, then the client's other
 * headers in its order and case. `requestId` is nginx's $request_id: 16 random bytes as 32 hex digits.
 * $proxy_add_x_forwarded_for is the client's X-Forwarded-For with `clientAddress` appended, or `clientAddress`
 * alone: the browser's own request has none, and a CDN edge's names the browser before the edge.
 */
export function forwardedRequest(
  request: HttpRequest,
  clientAddress: string,
  https: boolean,
  requestId: string,
): HttpRequest {
  const values: Record<string, string> = {
    $host: (headerValue(request.headers, 'Host') ?? '').toLowerCase().replace(/:\d+$/, ''),
    '""': '',
    $proxy_add_x_forwarded_for: [headerValue(request.headers, 'X-Forwarded-For'), clientAddress]
      .filter((v) => v !== undefined)
      .join(', '),
    $scheme: https ? 'https' : 'http',
    $request_id: requestId,
  };
  const headers: Header[] = [
    ...PROXY_SET_HEADERS.map(([name, value]): Header => [name, values[value] ?? '']).filter(
      ([, v]) => v !== '',
    ),
    ...(request.body === '' ? [] : [['Content-Length', String(byteLength(request.body))] as const]),
    ...request.headers.filter(([name]) => !NOT_PASSED.has(name.toLowerCase())),
  ];
  return { ...request, headers };
}
