import type { Header, HttpRequest, HttpResponse } from '../../model/messages.ts';
import { byteLength } from '../../protocols/byteLength.ts';
import { etag } from '../../protocols/etag.ts';
import { httpResponse, serverReason } from '../../protocols/http.ts';
import { logTime } from '../../protocols/logTime.ts';
import { httpDate } from '../../protocols/httpDate.ts';
import { jsonText } from '../../protocols/jsonText.ts';
import { validateReview } from '../../app/validateReview.ts';
import type { Answer, Framework, Json } from './Framework.ts';
import { bracedParams } from './Framework.ts';

const JSON_TYPE = 'application/json';

/**
 * net/http writes the handler's headers sorted by name, then Date and Content-Length. Names are shown as
 * everywhere else here (Go would write its canonical "Etag" and "Www-Authenticate"; names are case-blind).
 */
function send(status: number, headers: readonly Header[], body: string, now: number): HttpResponse {
  const sorted = [...headers].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  return httpResponse(
    status,
    [
      ...sorted,
      ['Date', httpDate(now)],
      ...(status === 304 ? [] : [['Content-Length', String(byteLength(body))] as const]),
    ],
    body,
  );
}

/** The app's writeJSON helper: Content-Type application/json and json.Marshal's bytes (HTML-safe escapes). */
const writeJSON = (
  status: number,
  value: unknown,
  now: number,
  extra: readonly Header[] = [],
): HttpResponse => send(status, [...extra, ['Content-Type', JSON_TYPE]], jsonText(value, 'html-safe'), now);

/** http.Error: plain text with a newline, and nosniff. */
const httpError = (status: number, text: string, now: number, extra: readonly Header[] = []): HttpResponse =>
  send(
    status,
    [...extra, ['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']],
    `${text}\n`,
    now,
  );

const productBody = (product: Json): string => jsonText(product, 'html-safe');

function respond(answer: Answer, _request: HttpRequest, now: number): HttpResponse {
  switch (answer.kind) {
    case 'product': {
      const body = productBody(answer.product);
      return send(
        200,
        [
          ['Cache-Control', 'no-cache'],
          ['ETag', etag(body)],
          ['Content-Type', JSON_TYPE],
        ],
        body,
        now,
      );
    }
    case 'notModified':
      return send(
        304,
        [
          ['Cache-Control', 'no-cache'],
          ['ETag', etag(productBody(answer.product))],
        ],
        '',
        now,
      );
    case 'session':
      return writeJSON(200, answer.user, now, answer.headers);
    case 'list':
      return writeJSON(200, answer.items, now);
    case 'created':
      return writeJSON(201, answer.review, now, [['Location', answer.location]]);
    case 'notFound':
      return writeJSON(404, { error: 'Not Found' }, now);
    case 'badId':
      return httpError(404, '404 page not found', now);
    case 'unauthorized':
      return writeJSON(401, { error: 'Unauthorized' }, now, [['WWW-Authenticate', answer.challenge]]);
    case 'invalid': {
      const checked = validateReview(answer.body);
      return writeJSON(422, { errors: checked.ok ? [] : checked.errors }, now);
    }
    case 'noRoute': {
      if (answer.allowed.length === 0) return httpError(404, '404 page not found', now);
      const allowed = [
        ...new Set([...answer.allowed, ...(answer.allowed.includes('GET') ? ['HEAD'] : [])]),
      ].sort();
      return httpError(405, 'Method Not Allowed', now, [['Allow', allowed.join(', ')]]);
    }
  }
}

function explain(answer: Answer, response: HttpResponse): string {
  switch (answer.kind) {
    case 'noRoute':
      return response.status === 405
        ? `The path matches a pattern, but only for ${answer.allowed.join(', ')}: ServeMux answers 405 in plain text with an Allow header.`
        : 'ServeMux answers with http.NotFound: "404 page not found" in plain text, not JSON.';
    case 'badId':
      return `strconv.Atoi(${JSON.stringify(answer.value)}) gives no id from 1 to math.MaxInt32, so the handler calls http.NotFound: the same plain-text 404 as an unknown path, before any query.`;
    case 'invalid':
      return 'decodeValid answers 422 with the list of fields that are wrong.';
    default:
      return '';
  }
}

/**
 * The Go release whose net/http the stack shows: the handler code needs 1.22 or later (ServeMux's method and
 * {id} patterns), and the panic's stack below is 1.23's (tests/truth/goPanic.test.ts runs it).
 */
export const GO_VERSION = '1.23';

/**
 * A panic in a handler: net/http's conn.serve recovers it, logs "http: panic serving" with the goroutine's
 * stack (runtime.Stack) and closes the connection without writing a response (src/net/http/server.go);
 * nothing recovers it sooner unless the app adds a middleware. The stack's first frame is the recovering
 * func1, at server.go:1947 in Go 1.23 (1850 in 1.19; the offset changes from release to release too),
 * under /usr/local/go, the GOROOT of Go's own archive and of the golang image.
 */
const uncaught = (_request: HttpRequest, now: number, peer: string) => ({
  response: null,
  log: `${logTime(now)} http: panic serving ${peer}: runtime error: index out of range [1] with length 1\ngoroutine 35 [running]:\nnet/http.(*conn).serve.func1()\n\t/usr/local/go/src/net/http/server.go:1947 +0xbe`,
  explain: `Go ${GO_VERSION}’s http server recovers the panic in the connection’s goroutine, logs it with the stack, and closes the connection: net/http sends no response at all.`,
});

/** Go 1.22+ net/http: ServeMux's {id} takes any segment, so the handler parses and checks it. */
export const netHttp: Framework = {
  routing: {
    pattern: bracedParams,
    decodes: true,
    id: {
      refusedBy: 'handler',
      parse: (segment) => {
        if (!/^[+-]?\d+$/.test(segment)) return null;
        const id = Number(segment);
        return id >= 1 && id <= 2 ** 31 - 1 ? id : null;
      },
      rule: 'strconv.Atoi, then 1 ≤ id ≤ math.MaxInt32',
    },
    malformedBody: 'with-validation',
    auth: 'the authorized helper',
  },
  response: {
    productTag: (product) => etag(productBody(product)),
    respond: (answer, request, now) => {
      const response = respond(answer, request, now);
      return { ...response, reason: serverReason(response.status, 'go') };
    },
    explain,
    uncaught,
    databaseError: (_request, now) => ({
      response: {
        ...writeJSON(500, { error: 'Internal Server Error' }, now),
        reason: serverReason(500, 'go'),
      },
      explain:
        'The handler gets the driver’s error back as a value, not a panic: its writeError helper logs it and answers 500 with {"error": "Internal Server Error"}, never the error’s text, which would tell a client where the database is.',
    }),
  },
};
