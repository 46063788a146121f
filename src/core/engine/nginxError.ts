import type { HttpResponse } from '../model/messages.ts';
import { httpResponse } from '../protocols/http.ts';
import { httpDate } from '../protocols/httpDate.ts';

/** nginx's own reason phrases where they differ from RFC 9110's. */
const REASON: Readonly<Record<number, string>> = { 504: 'Gateway Time-out' };

/**
 * A response the reverse proxy writes itself: nginx's built-in error page (server_tokens off), with its
 * CRLF line ends and its own reason phrase, as no error_page is configured.
 */
export function nginxError(
  status: number,
  reason: string,
  nowMs: number,
  connection: 'keep-alive' | 'close',
): HttpResponse {
  const line = `${status} ${REASON[status] ?? reason}`;
  const page =
    `<html>\r\n<head><title>${line}</title></head>\r\n<body>\r\n<center><h1>${line}</h1></center>\r\n` +
    '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
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
  return { ...response, reason: REASON[status] ?? response.reason };
}
