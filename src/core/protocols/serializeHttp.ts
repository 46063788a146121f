import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import { chunkedGzipText } from './chunkedGzip.ts';

/**
 * The exact bytes of an HTTP/1.1 message as text: start line, headers, blank line, body; CRLF line ends. A
 * compressed body is written as its chunks with each one's binary data stood in by a bracketed line.
 */
export function serializeHttp(m: HttpRequest | HttpResponse): string {
  const start =
    m.kind === 'request' ? `${m.method} ${m.target} ${m.version}` : `${m.version} ${m.status} ${m.reason}`;
  const body = m.kind === 'response' && m.coding ? chunkedGzipText(m.coding.chunks) : m.body;
  return [start, ...m.headers.map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n') + body;
}
