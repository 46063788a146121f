import type { Header, HttpRequest, HttpResponse } from '../model/messages.ts';

/**
 * HAProxy 2.6 in HTTP mode, as the load balancer is configured (`option forwardfor`,
 * `http-request set-header X-Forwarded-Proto https`, `http-response set-header Strict-Transport-Security …`).
 * Its HTTP/1.1 side writes header names in lower case (it keeps them so internally: HTX) and drops
 * Connection, a hop-by-hop header. Checked against a real HAProxy 2.6 in tests/truth/haproxy.test.ts.
 */
const lower = (headers: readonly Header[]): Header[] =>
  headers.filter(([n]) => n.toLowerCase() !== 'connection').map(([n, v]) => [n.toLowerCase(), v]);

/** The browser's request as HAProxy sends it to a replica. */
export function haproxyForward(request: HttpRequest, clientAddress: string, https: boolean): HttpRequest {
  return {
    ...request,
    headers: [
      ...lower(request.headers),
      ['x-forwarded-proto', https ? 'https' : 'http'],
      ['x-forwarded-for', clientAddress],
    ],
  };
}

/** A replica's response as HAProxy passes it on to the browser (HSTS added on HTTPS). */
export function haproxyRelay(response: HttpResponse, https: boolean): HttpResponse {
  return {
    ...response,
    headers: [
      ...lower(response.headers),
      ...(https ? [['strict-transport-security', 'max-age=63072000'] as const] : []),
    ],
  };
}

/**
 * HAProxy's own 503 when its backend has no server up: its built-in error page, byte for byte. The
 * `http-response` rules do not run on responses HAProxy generates, so it carries no HSTS.
 */
export function haproxyNoServer(): HttpResponse {
  const body =
    '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';
  return {
    kind: 'response',
    version: 'HTTP/1.1',
    status: 503,
    reason: 'Service Unavailable',
    headers: [
      ['content-length', String(body.length)],
      ['cache-control', 'no-cache'],
      ['content-type', 'text/html'],
    ],
    body,
  };
}

/** The health check HAProxy sends (`http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host <host>`). */
export function haproxyHealthCheck(host: string): HttpRequest {
  return {
    kind: 'request',
    method: 'GET',
    target: '/healthz',
    version: 'HTTP/1.1',
    headers: [
      ['host', host],
      ['connection', 'close'],
    ],
    body: '',
  };
}
