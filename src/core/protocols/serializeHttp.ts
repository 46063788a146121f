import type { HttpRequest, HttpResponse } from '../model/messages.ts';

/** The exact bytes of an HTTP/1.1 message as text: start line, headers, blank line, body; CRLF line ends. */
export function serializeHttp(m: HttpRequest | HttpResponse): string {
  const start =
    m.kind === 'request' ? `${m.method} ${m.target} ${m.version}` : `${m.version} ${m.status} ${m.reason}`;
  return [start, ...m.headers.map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n') + m.body;
}
