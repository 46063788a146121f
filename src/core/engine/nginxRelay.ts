import type { HttpResponse } from '../model/messages.ts';
import { httpDate } from '../protocols/httpDate.ts';
import { nginxUpstreamHeaders } from '../protocols/nginxUpstreamHeaders.ts';

/**
 * The response the reverse proxy (nginx, server_tokens off, upstream keep-alive) sends on after the
 * app answered it: nginx writes Server, Date, Content-Type, Content-Length (or Transfer-Encoding) and
 * Connection itself, in that order, then passes the app's other headers in the app's order and case.
 * Checked against a real nginx in tests/truth/nginx.test.ts. HSTS (add_header) is added by edgeResponse.
 */
export function nginxRelay(upstream: HttpResponse, nowMs: number): HttpResponse {
  const { own, passed } = nginxUpstreamHeaders(upstream, httpDate(nowMs));
  return { ...upstream, headers: [['Server', 'nginx'], ...own, ...passed] };
}
