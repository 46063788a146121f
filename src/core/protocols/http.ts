import type { Header, HttpRequest, HttpResponse } from '../model/messages.ts';
import { byteLength } from './byteLength.ts';

const REASON: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase for a status code (RFC 9110). */
export const reasonPhrase = (status: number): string => REASON[status] ?? 'Unknown';

/**
 * Whose reason phrases a server writes: RFC 9110's (uvicorn on Python 3.13, Puma), Node's http.STATUS_CODES
 * (checked in tests/truth/reasons.test.ts), Go's net/http StatusText (Go, and FrankenPHP, a Go server),
 * Drogon's statusCodeToString (lib/src/HttpUtils.cc), or none at all (Tomcat since 8.5: "HTTP/1.1 200 ",
 * the space kept).
 */
export type ReasonStyle = 'rfc9110' | 'node' | 'go' | 'drogon' | 'none';

/** Where Node's, Go's and Drogon's phrases differ from RFC 9110's, for the statuses the shop sends. */
const OLDER: Readonly<Record<number, string>> = { 422: 'Unprocessable Entity' };

/** The reason phrase `style`'s server writes for `status`. */
export function serverReason(status: number, style: ReasonStyle): string {
  switch (style) {
    case 'rfc9110':
      return reasonPhrase(status);
    case 'node':
    case 'go':
    case 'drogon':
      return OLDER[status] ?? reasonPhrase(status);
    case 'none':
      return '';
  }
}

/** The status and its phrase for narration: "201 Created", or "200" when the server sends no phrase. */
export const statusText = (m: { readonly status: number; readonly reason: string }): string =>
  m.reason === '' ? String(m.status) : `${m.status} ${m.reason}`;

/**
 * Content-Length from the body's UTF-8 bytes, unless the message has no body by definition: written where
 * the headers already place it (servers differ), or last.
 */
const withLength = (headers: readonly Header[], body: string, bodyless: boolean): readonly Header[] => {
  if (bodyless) return headers;
  const length: Header = ['Content-Length', String(byteLength(body))];
  const isLength = (name: string): boolean => name.toLowerCase() === 'content-length';
  return headers.some(([n]) => isLength(n))
    ? headers.map((h): Header => (isLength(h[0]) ? [h[0], length[1]] : h))
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

/** An HTTP/1.1 response; Content-Length is computed except for 204 and 304 (which have no body, RFC 9110 §8.6). */
export function httpResponse(status: number, headers: readonly Header[], body = ''): HttpResponse {
  return {
    kind: 'response',
    version: 'HTTP/1.1',
    status,
    reason: reasonPhrase(status),
    headers: withLength(headers, body, status === 204 || status === 304),
    body,
  };
}

/** The value of a header, case-insensitively, or undefined. */
export const headerValue = (headers: readonly Header[], name: string): string | undefined =>
  headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
