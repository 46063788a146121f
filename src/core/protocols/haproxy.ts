import type { Header, HttpRequest, HttpResponse } from '../model/messages.ts';

/**
 * HAProxy 2.6 in HTTP mode, as the load balancer is configured (`option forwardfor`,
 * `http-request set-header X-Forwarded-Proto https`, `http-response set-header Strict-Transport-Security …`).
 * Its HTTP/1.1 side writes header names in lower case (it keeps them so internally: HTX) and drops
 * Connection, a hop-by-hop header. Checked against a real HAProxy 2.6 in tests/truth/haproxy.test.ts.
 */
const lower = (headers: readonly Header[]): Header[] =>
  headers.filter(([n]) => n.toLowerCase() !== 'connection').map(([n, v]) => [n.toLowerCase(), v]);

/**
 * The client's request as HAProxy sends it to a replica: `set-header` removes any X-Forwarded-Proto the
 * client sent and adds its own at the end; `option forwardfor` adds its own x-forwarded-for line after one
 * a CDN in front already wrote (both checked against HAProxy 2.6.12).
 */
export function haproxyForward(request: HttpRequest, clientAddress: string, https: boolean): HttpRequest {
  return {
    ...request,
    headers: [
      ...lower(request.headers).filter(([n]) => n !== 'x-forwarded-proto'),
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
 * HAProxy's built-in error pages (src/http.c, `http_err_msgs`), byte for byte as HAProxy 2.6 sends them:
 * lower-case header names, no Date, no Server. The `http-response` rules do not run on responses HAProxy
 * generates, so they carry no HSTS. Checked against a real HAProxy 2.6 (tests/truth/haproxyErrors.test.ts).
 */
const ERROR_PAGES = {
  502: ['Bad Gateway', 'The server returned an invalid or incomplete response.'],
  503: ['Service Unavailable', 'No server is available to handle this request.'],
  504: ['Gateway Time-out', "The server didn't respond in time."],
} as const;

/** HAProxy's own error response: 502 (the server closed without a response), 503 (no server up), 504 (`timeout server`). */
export function haproxyError(status: keyof typeof ERROR_PAGES): HttpResponse {
  const [reason, sentence] = ERROR_PAGES[status];
  const body = `<html><body><h1>${status} ${reason}</h1>\n${sentence}\n</body></html>\n`;
  return {
    kind: 'response',
    version: 'HTTP/1.1',
    status,
    reason,
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
