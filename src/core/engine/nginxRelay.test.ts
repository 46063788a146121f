import { describe, expect, it } from 'vitest';
import type { Header } from '../model/messages.ts';
import { httpResponse } from '../protocols/http.ts';
import { httpDate } from '../protocols/httpDate.ts';
import { nginxRelay } from './nginxRelay.ts';

// The expected heads are what nginx 1.22 (server_tokens off, proxy_http_version 1.1, Connection "")
// sent on for the same upstream heads, recorded on a real nginx; tests/truth/nginx.test.ts re-checks
// every journey against one where it is installed.
/** 1.5 s into the simulation. */
const NOW = 1_500;
const names = (headers: readonly Header[]) => headers.map(([n, v]) => (n === 'Date' ? 'Date' : `${n}: ${v}`));

describe('nginxRelay', () => {
  it('writes Server, Date, Content-Type, Content-Length and Connection first, then the app’s headers', () => {
    const upstream = httpResponse(
      200,
      [
        ['X-Powered-By', 'Express'],
        ['Cache-Control', 'no-cache'],
        ['ETag', '"757a80b9"'],
        ['Content-Type', 'application/json; charset=utf-8'],
        ['Content-Length', '28'],
        ['Date', 'Tue, 24 Nov 2026 08:59:59 GMT'],
        ['Connection', 'keep-alive'],
        ['Keep-Alive', 'timeout=5'],
      ],
      '{"id":42,"name":"Desk lamp"}',
    );
    const relayed = nginxRelay(upstream, NOW);
    expect(names(relayed.headers)).toEqual([
      'Server: nginx',
      'Date',
      'Content-Type: application/json; charset=utf-8',
      'Content-Length: 28',
      'Connection: keep-alive',
      'X-Powered-By: Express',
      'Cache-Control: no-cache',
      'ETag: "757a80b9"',
    ]);
    expect(relayed.headers[1]).toEqual(['Date', httpDate(NOW)]);
    expect(relayed.body).toBe(upstream.body);
    expect(relayed.status).toBe(200);
  });

  it('drops the app’s Server, keeps Location and the app’s case, and writes Content-Type its own way', () => {
    const relayed = nginxRelay(
      {
        ...httpResponse(201, [], '{}'),
        headers: [
          ['server', 'uvicorn'],
          ['content-type', 'application/json'],
          ['content-length', '2'],
          ['location', '/api/products/42/reviews/7'],
          ['x-request-id', 'abc'],
        ],
      },
      NOW,
    );
    expect(names(relayed.headers)).toEqual([
      'Server: nginx',
      'Date',
      'Content-Type: application/json',
      'Content-Length: 2',
      'Connection: keep-alive',
      'location: /api/products/42/reviews/7',
      'x-request-id: abc',
    ]);
  });

  it('keeps a chunked body chunked (before Connection), and a 304 without a length', () => {
    const chunked = nginxRelay(
      {
        ...httpResponse(200, [], 'x'),
        headers: [
          ['Content-Type', 'application/json'],
          ['Transfer-Encoding', 'chunked'],
        ],
      },
      NOW,
    );
    expect(names(chunked.headers)).toEqual([
      'Server: nginx',
      'Date',
      'Content-Type: application/json',
      'Transfer-Encoding: chunked',
      'Connection: keep-alive',
    ]);
    const notModified = nginxRelay(httpResponse(304, [['ETag', '"757a80b9"']]), NOW);
    expect(names(notModified.headers)).toEqual([
      'Server: nginx',
      'Date',
      'Connection: keep-alive',
      'ETag: "757a80b9"',
    ]);
  });
});
