import type { Header, HttpRequest, HttpResponse } from '../model/messages.ts';
import { byteLength } from './byteLength.ts';

const REASON: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  422: 'Unprocessable Content',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase for a status code (RFC 9110). */
export const reasonPhrase = (status: number): string => REASON[status] ?? 'Unknown';

/**
 * Content-Length from the body's UTF-8 bytes, unless the message has no body by definition: written where
 * the headers already place it (servers differ), or last.
 */
const withLength = (headers: readonly Header[], body: string, bodyless: boolean): readonly Header[] => {
  if (bodyless) return headers;
  const length: Header = ['Content-Length', String(byteLength(body))];
  return headers.some(([n]) => n === 'Content-Length')
    ? headers.map((h) => (h[0] === 'Content-Length' ? length : h))
    : [...headers, length];
};

/** An HTTP/1.1 request; Content-Length is computed when there is a body. */
export function httpRequest(
  method: string,
  target: string,
  headers: readonly Header[],
  body = '',
): HttpRequest {
  return {
    kind: 'request',
    method,
    target,
    version: 'HTTP/1.1',
    headers: withLength(headers, body, body === ''),
    body,
  };
}

/** An HTTP/1.1 response; Content-Length is computed except for 304 (which has no body). */
export function httpResponse(status: number, headers: readonly Header[], body = ''): HttpResponse {
  return {
    kind: 'response',
    version: 'HTTP/1.1',
    status,
    reason: reasonPhrase(status),
    headers: withLength(headers, body, status === 304),
    body,
  };
}

/** The value of a header, case-insensitively, or undefined. */
export const headerValue = (headers: readonly Header[], name: string): string | undefined =>
  headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
