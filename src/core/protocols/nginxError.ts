import type { HttpResponse } from '../model/messages.ts';
import { httpResponse } from './http.ts';
import { httpDate } from './httpDate.ts';

/** nginx's own reason phrases where they differ from RFC 9110's. */
const REASON: Readonly<Record<number, string>> = { 504: 'Gateway Time-out' };

/** The comment nginx appends six times (`msie_padding on`, its default) for a browser it knows replaces short error pages. */
const PADDING = '<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n'.repeat(6);

/**
 * A response the reverse proxy writes itself: nginx's built-in error page (server_tokens off), with its
 * CRLF line ends and its own reason phrase, as no error_page is configured. Given the request's
 * User-Agent, a Chrome or MSIE one gets nginx's padding after the page (ngx_http_special_response.c;
 * checked against nginx 1.22.1: 552 bytes for a 502 instead of 150).
 */
export function nginxError(
  status: number,
  reason: string,
  nowMs: number,
  connection: 'keep-alive' | 'close',
  userAgent?: string,
): HttpResponse {
  const line = `${status} ${REASON[status] ?? reason}`;
  const page =
    `<html>\r\n<head><title>${line}</title></head>\r\n<body>\r\n<center><h1>${line}</h1></center>\r\n` +
    '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n' +
    (userAgent !== undefined && /MSIE |Chrome\//.test(userAgent) ? PADDING : '');
  const response = httpResponse(
    status,
    [
      ['Server', 'nginx'],
      ['Date', httpDate(nowMs)],
      ['Content-Type', 'text/html'],
      ['Content-Length', ''],
      ['Connection', connection],
    ],
    page,
  );
  return { ...response, reason: REASON[status] ?? reason };
}
