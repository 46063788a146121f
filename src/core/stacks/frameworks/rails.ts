import type { Header, HttpRequest, HttpResponse } from '../../model/messages.ts';
import { byteLength } from '../../protocols/byteLength.ts';
import { headerValue, httpResponse } from '../../protocols/http.ts';
import { jsonText } from '../../protocols/jsonText.ts';
import { sha256 } from '../../protocols/sha256.ts';
import type { Answer, Framework, Json } from './Framework.ts';
import { reviewFields } from './reviewFields.ts';
import type { JsonBody } from '../../protocols/jsonBody.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The weak ETag Rails gives `text`: W/"<first 32 hex digits of its SHA-256>". stale?(etag: json) digests
 * the JSON (ActiveSupport::Digest, SHA-256 since Rails 7.0), and Rack::ETag digests a 200 or 201 body the
 * same way when the app set no ETag.
 */
export function railsWeakEtag(text: string): string {
  return `W/"${hex(sha256(new TextEncoder().encode(text))).slice(0, 32)}"`;
}

/** config.action_dispatch.default_headers (Rails 7.1 and later), merged into every response Rails renders. */
const DEFAULT_HEADERS: readonly Header[] = [
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-XSS-Protection', '0'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

/** ActionDispatch::RequestId echoes the proxy's X-Request-ID, keeping only word characters, - and @. */
const requestId = (request: HttpRequest): Header => [
  'X-Request-Id',
  (headerValue(request.headers, 'X-Request-ID') ?? '').replace(/[^\w\-@]/g, '').slice(0, 255),
];

/**
 * Puma writes the headers and its content-length; it sends no Date. On Rack 3 every header name the app
 * returns is lower case (Rack::Headers, which Rails 7.1+ uses for its responses; Rack::Lint refuses capitals),
 * and Puma 7 and later writes its own in lower case too (lib/puma/const.rb CONTENT_LENGTH_S, "Response
 * headers set to lowercase", #3704; checked at Puma 8.0.2).
 */
const send = (status: number, headers: readonly Header[], body: string): HttpResponse =>
  httpResponse(
    status,
    (status === 304 ? headers : [...headers, ['Content-Length', String(byteLength(body))] as const]).map(
      ([name, value]): Header => [name.toLowerCase(), value],
    ),
    body,
  );

/**
 * `render json:` from a controller: the default headers, then Rack::ETag's work on the way out: a
 * 200 or 201 body gets a weak ETag and `max-age=0, private, must-revalidate`, anything else `no-cache`.
 */
function render(
  status: number,
  value: unknown,
  request: HttpRequest,
  extra: readonly Header[] = [],
): HttpResponse {
  const body = jsonText(value, 'html-safe');
  const cache: Header[] =
    status === 200 || status === 201
      ? [
          ['ETag', railsWeakEtag(body)],
          ['Cache-Control', 'max-age=0, private, must-revalidate'],
        ]
      : [['Cache-Control', 'no-cache']];
  return send(
    status,
    [...DEFAULT_HEADERS, ...extra, ['Content-Type', JSON_TYPE], ...cache, requestId(request)],
    body,
  );
}

/** ActionDispatch::PublicExceptions for a JSON request: {"status","error"}, without the default headers. */
function publicException(status: number, request: HttpRequest): HttpResponse {
  const error = status === 404 ? 'Not Found' : status === 500 ? 'Internal Server Error' : 'Bad Request';
  const body = JSON.stringify({ status, error });
  return send(status, [['Content-Type', JSON_TYPE], requestId(request)], body);
}

/** ActiveModel's messages for NewReview (numericality: { only_integer: true, in: 1..5 }, length: { in: 1..500 }). */
function modelErrors(body: JsonBody): Record<string, string[]> {
  const { fields } = reviewFields(body);
  const errors: Record<string, string[]> = {};
  const { rating, body: text } = fields;
  if (typeof rating !== 'number') errors['rating'] = ['is not a number'];
  else if (!Number.isInteger(rating)) errors['rating'] = ['must be an integer'];
  else if (rating < 1 || rating > 5) errors['rating'] = ['must be in 1..5'];
  const length =
    typeof text === 'string'
      ? [...text].length
      : text === undefined || text === null
        ? 0
        : String(text).length;
  if (length < 1) errors['body'] = ['is too short (minimum is 1 character)'];
  else if (length > 500) errors['body'] = ['is too long (maximum is 500 characters)'];
  return errors;
}

function respond(answer: Answer, request: HttpRequest): HttpResponse {
  switch (answer.kind) {
    case 'product':
    case 'notModified': {
      const json = jsonText(answer.product, 'html-safe');
      const headers: Header[] = [
        ...DEFAULT_HEADERS,
        ...(answer.kind === 'product' ? [['Content-Type', JSON_TYPE] as const] : []),
        ['ETag', railsWeakEtag(json)],
        ['Cache-Control', 'no-cache'],
        requestId(request),
      ];
      return answer.kind === 'product' ? send(200, headers, json) : send(304, headers, '');
    }
    case 'list':
      return render(200, answer.items, request);
    case 'session': {
      // ActionDispatch::Cookies (innermost) writes the cookie after the controller; Rack::ETag's and
      // RequestId's headers follow on the way out.
      const body = jsonText(answer.user, 'html-safe');
      return send(
        200,
        [
          ...DEFAULT_HEADERS,
          ['Content-Type', JSON_TYPE],
          ...answer.headers,
          ['ETag', railsWeakEtag(body)],
          ['Cache-Control', 'max-age=0, private, must-revalidate'],
          requestId(request),
        ],
        body,
      );
    }
    case 'created':
      return render(201, answer.review, request, [['Location', answer.location]]);
    case 'notFound':
      return render(404, { error: 'Not Found' }, request);
    case 'unauthorized':
      return render(401, { error: 'Unauthorized' }, request, [['WWW-Authenticate', answer.challenge]]);
    case 'invalid':
      // JSON the params parser cannot read raises ParseError: a 400 from the exceptions app.
      return answer.body.parses
        ? render(422, { errors: modelErrors(answer.body) }, request)
        : publicException(400, request);
    case 'badId':
    case 'noRoute':
      return publicException(404, request);
  }
}

/**
 * DebugExceptions#log_error as Rails 8 writes it (actionpack debug_exceptions.rb, compose_exception_message and
 * log_array): the lines "  ", the exception, "  " and the application trace, joined with a newline and the
 * tags, and the production logger (TaggedLogging, log_tags [:request_id]) puts the tags before the first.
 */
export const railsErrorLog = (id: string, lines: readonly string[]): string =>
  ['  ', ...lines.slice(0, 1), '  ', ...lines.slice(1)].map((line) => `[${id}] ${line}`).join('\n');

/** Production (consider_all_requests_local false): ShowExceptions renders through PublicExceptions, as JSON for a JSON request. */
const uncaught = (request: HttpRequest) => ({
  response: publicException(500, request),
  log: railsErrorLog(requestId(request)[1], [
    "NoMethodError (undefined method 'split' for nil):",
    "app/controllers/products_controller.rb:6:in 'ProductsController#show'",
  ]),
  explain:
    'Rails’ ShowExceptions middleware catches it; in production ActionDispatch::PublicExceptions answers, and for a JSON request it writes {"status":500,"error":"Internal Server Error"} instead of public/500.html.',
});

function explain(answer: Answer, response: HttpResponse): string {
  switch (answer.kind) {
    case 'noRoute':
    case 'badId':
      return 'Rails raises a routing error, and its exceptions app answers a JSON request with {"status":404,"error":"Not Found"}: no security headers, no Cache-Control, only the request id.';
    case 'invalid':
      return response.status === 400
        ? 'Rails cannot parse the JSON body, so it raises a ParseError and its exceptions app answers 400 {"status":400,"error":"Bad Request"}.'
        : 'The controller renders review.errors, ActiveModel’s messages by field, with 422.';
    case 'product':
      return 'stale? computes a weak ETag, W/ and a digest of the JSON, and Rails echoes the proxy’s request id in X-Request-Id.';
    case 'list':
    case 'created':
      return 'The app set no ETag, so Rack::ETag digests the body into a weak one and adds Cache-Control: max-age=0, private, must-revalidate.';
    default:
      return '';
  }
}

/** Rails 8 on Puma: routes.rb constrains the id, so a segment that is not one matches no route. */
export const rails: Framework = {
  routing: {
    pattern: (route) => route.replace(/:id\/reviews$/, ':product_id/reviews'),
    decodes: false,
    id: {
      refusedBy: 'router',
      parse: (segment) => (/^\d{1,9}$/.test(segment) ? Number(segment) : null),
      rule: 'the constraint id: /\\d{1,9}/ in routes.rb',
    },
    // ParamsWrapper reads the parameters before the controller's callbacks, so a body Rails cannot parse
    // fails before authenticate! runs.
    malformedBody: 'before-auth',
    auth: 'the authenticate! before_action',
  },
  response: {
    productTag: (product: Json) => railsWeakEtag(jsonText(product, 'html-safe')),
    respond,
    explain,
    uncaught,
  },
};
