import type { Header, HttpRequest, HttpResponse } from '../../model/messages.ts';
import { byteLength } from '../../protocols/byteLength.ts';
import { etag } from '../../protocols/etag.ts';
import { httpResponse, serverReason } from '../../protocols/http.ts';
import { httpDate } from '../../protocols/httpDate.ts';
import { sha1 } from '../../protocols/sha1.ts';
import { validateReview } from '../../app/validateReview.ts';
import { jsonBody } from '../../protocols/jsonBody.ts';
import type { Answer, Framework, Json } from './Framework.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const POWERED: Header = ['X-Powered-By', 'Express'];
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** The weak ETag Express's `etag` package gives a body it tags itself: W/"<byte length in hex>-<SHA-1, base64, 27>". */
export function expressWeakEtag(body: string): string {
  const bytes = new TextEncoder().encode(body);
  return `W/"${bytes.length.toString(16)}-${base64(sha1(bytes)).slice(0, 27)}"`;
}

/** finalhandler's HTML page, which Express sends when nothing else answers (or a middleware fails). */
const htmlPage = (message: string): string =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${message
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')}</pre>\n</body>\n</html>\n`;

/**
 * What Node's http server adds after the handler's headers: Date, and for an HTTP/1.1 request that does
 * not ask to close (the proxy keeps its upstream connections open) Connection and its 5 s Keep-Alive.
 */
const nodeTail = (now: number): Header[] => [
  ['Date', httpDate(now)],
  ['Connection', 'keep-alive'],
  ['Keep-Alive', 'timeout=5'],
];

/** res.json: Content-Type, Content-Length, then the weak ETag res.send computes, then Node's own headers. */
function json(status: number, value: unknown, before: readonly Header[], now: number): HttpResponse {
  const body = JSON.stringify(value);
  return httpResponse(
    status,
    [
      POWERED,
      ...before,
      ['Content-Type', JSON_TYPE],
      ['Content-Length', String(byteLength(body))],
      ['ETag', expressWeakEtag(body)],
      ...nodeTail(now),
    ],
    body,
  );
}

function html(status: number, message: string, now: number): HttpResponse {
  const body = htmlPage(message);
  return httpResponse(
    status,
    [
      POWERED,
      ['Content-Security-Policy', "default-src 'none'"],
      ['X-Content-Type-Options', 'nosniff'],
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', String(byteLength(body))],
      ...nodeTail(now),
    ],
    body,
  );
}

const pathOf = (request: HttpRequest): string => request.target.split('?')[0] ?? request.target;

function respond(answer: Answer, request: HttpRequest, now: number): HttpResponse {
  switch (answer.kind) {
    case 'product': {
      const body = JSON.stringify(answer.product);
      return httpResponse(
        200,
        [
          POWERED,
          ['Cache-Control', 'no-cache'],
          ['ETag', etag(body)],
          ['Content-Type', JSON_TYPE],
          ['Content-Length', String(byteLength(body))],
          ...nodeTail(now),
        ],
        body,
      );
    }
    case 'notModified':
      return httpResponse(304, [
        POWERED,
        ['Cache-Control', 'no-cache'],
        ['ETag', etag(JSON.stringify(answer.product))],
        ...nodeTail(now),
      ]);
    case 'list':
      return json(200, answer.items, [], now);
    case 'created':
      return json(201, answer.review, [['Location', answer.location]], now);
    case 'notFound':
    case 'badId':
      return json(404, { error: 'Not Found' }, [], now);
    case 'unauthorized':
      return json(401, { error: 'Unauthorized' }, [['WWW-Authenticate', answer.challenge]], now);
    case 'invalid': {
      // express.json() parses the body before any route runs (an empty one as {}); JSON it cannot parse is a
      // 400 from finalhandler.
      const checked = validateReview(answer.body.text === '' ? jsonBody('{}') : answer.body);
      if (!checked.ok && checked.unparsable) return html(400, 'Bad Request', now);
      return json(422, { errors: checked.ok ? [] : checked.errors }, [], now);
    }
    case 'session': {
      // express-session sets its cookie from on-headers, after res.json's own headers.
      const body = JSON.stringify(answer.user);
      return httpResponse(
        200,
        [
          POWERED,
          ['Content-Type', JSON_TYPE],
          ['Content-Length', String(byteLength(body))],
          ['ETag', expressWeakEtag(body)],
          ...answer.headers,
          ...nodeTail(now),
        ],
        body,
      );
    }
    case 'noRoute':
      return html(404, `Cannot ${request.method} ${pathOf(request)}`, now);
  }
}

function explain(answer: Answer, response: HttpResponse): string {
  switch (answer.kind) {
    case 'noRoute':
      return `The request falls through to Express's final handler, which answers ${response.status} with a small HTML page, "${/<pre>(.*)<\/pre>/.exec(response.body)?.[1] ?? ''}": Express has no JSON 404 unless the app adds one.`;
    case 'invalid':
      return response.status === 400
        ? 'express.json() cannot parse the body, so it passes a 400 error to Express’s final handler, which answers with an HTML page before any route runs.'
        : 'The validate middleware answers 422 with the list of fields that are wrong; Express adds a weak ETag of its own.';
    case 'badId':
      return `Number(${JSON.stringify(answer.value)}) is not a whole number from 1 to 2³¹ − 1, so the handler answers 404 before any query.`;
    default:
      return response.headers.some(([n, v]) => n === 'ETag' && v.startsWith('W/'))
        ? 'res.json sends it with Content-Type application/json; charset=utf-8, and Express tags the body with a weak ETag of its own.'
        : '';
  }
}

/**
 * Express 5 with NODE_ENV=production: the error reaches finalhandler, which answers with its HTML page and
 * the status's own message (finalhandler's getErrorMessage; the stack only outside production), and the
 * app logs err.stack (express/lib/application.js, logerror).
 */
const uncaught = (_request: HttpRequest, now: number) => ({
  response: { ...html(500, 'Internal Server Error', now), reason: serverReason(500, 'node') },
  log: "TypeError: Cannot read properties of undefined (reading 'split')\n    at /srv/shop/routes/products.js:14:42",
  explain:
    'Express catches the exception and hands it to its final handler, which answers 500 with a small HTML page saying only "Internal Server Error": in production the stack trace goes to the log, never to the client.',
});

/** Express 5: its router takes any non-empty segment as :id, so the handler checks it. */
export const express: Framework = {
  routing: {
    pattern: (route) => route,
    decodes: false,
    id: {
      refusedBy: 'handler',
      parse: (segment) => {
        const id = Number(segment);
        return Number.isInteger(id) && id >= 1 && id <= 2 ** 31 - 1 ? id : null;
      },
      rule: 'Number(req.params.id) must be a whole number from 1 to 2³¹ − 1',
    },
    malformedBody: 'before-routing',
    auth: 'the requireAuth middleware',
  },
  response: {
    productTag: (product: Json) => etag(JSON.stringify(product)),
    respond: (answer, request, now) => {
      const response = respond(answer, request, now);
      return { ...response, reason: serverReason(response.status, 'node') };
    },
    explain,
    uncaught,
  },
};
