import type { HttpResponse } from '../model/messages.ts';
import { nginxError } from '../protocols/nginxError.ts';

/**
 * nginx's answer from the shop's port-80 server block, `return 301 https://$host$request_uri;`: its built-in
 * 301 page (never padded: the padding is for error pages) with Location last, as nginx 1.22 writes it
 * (checked live in tests/truth/redirect.test.ts).
 */
export function nginxRedirect(location: string, nowMs: number): HttpResponse {
  const page = nginxError(301, 'Moved Permanently', nowMs, 'keep-alive');
  return { ...page, headers: [...page.headers, ['Location', location]] };
}
