import type { Header, HttpRequest, HttpResponse } from '../../model/messages.ts';
import { byteLength } from '../../protocols/byteLength.ts';
import { etag } from '../../protocols/etag.ts';
import { serverReason } from '../../protocols/http.ts';
import { logTime } from '../../protocols/logTime.ts';
import { httpDate } from '../../protocols/httpDate.ts';
import { jsonText } from '../../protocols/jsonText.ts';
import type { JsonDialect } from '../../protocols/jsonText.ts';
import type { Answer, Framework, Json } from './Framework.ts';
import { bracedParams } from './Framework.ts';
import { caddyEncode } from './caddyEncode.ts';
import { codePoints, reviewFields } from './reviewFields.ts';
import type { JsonBody } from '../../protocols/jsonBody.ts';

const JSON_TYPE = 'application/json';
/** PHP's own header while expose_php is On, its default. */
const POWERED: Header = ['X-Powered-By', 'PHP/8.4.14'];
/** Symfony's ResponseHeaderBag: with no Cache-Control of its own a response is `no-cache, private`. */
const CACHE: Header = ['Cache-Control', 'no-cache, private'];

/**
 * A Symfony response: headers given to the constructor, then Cache-Control and Date (added by the header
 * bag), then the content type and any header chained on afterwards. Its server writes them (`onFrankenPhp`).
 */
function send(status: number, headers: readonly Header[], body: string, now: number): HttpResponse {
  const [given, chained] = [headers.filter(([n]) => n === 'Allow'), headers.filter(([n]) => n !== 'Allow')];
  const symfony: Header[] = [POWERED, ...given, CACHE, ['Date', httpDate(now)], ...chained];
  return {
    kind: 'response',
    version: 'HTTP/1.1',
    status,
    reason: serverReason(status, 'go'),
    headers: symfony,
    body,
  };
}

/** Go's textproto.CanonicalMIMEHeaderKey for the names Laravel sends: ETag → Etag, WWW-Authenticate → Www-Authenticate. */
const canonical = (name: string): string =>
  name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/**
 * What FrankenPHP's server writes (read in php/frankenphp and Go's net/http): Caddy puts Server: Caddy in the
 * header map before the request reaches PHP; FrankenPHP adds each header PHP sent with Header().Add, which
 * makes its name canonical; Caddy's encode may add Vary or compress (`caddyEncode`); then net/http writes the
 * map sorted by name (Header.writeSubset) and, after it, the Content-Length it counts itself when the handler
 * returned with the whole body buffered (none on a 304).
 */
function onFrankenPhp(request: HttpRequest, symfony: HttpResponse): HttpResponse {
  const response = caddyEncode(request, symfony);
  const map: Header[] = [['Server', 'Caddy'], ...response.headers.map(([n, v]): Header => [canonical(n), v])];
  map.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const length: Header[] =
    response.status === 304 ? [] : [['Content-Length', String(byteLength(response.body))]];
  return { ...response, headers: [...map, ...length] };
}

/** response()->json(...): json_encode without flags (so / becomes \/ and non-ASCII \uXXXX). */
const json = (
  status: number,
  value: unknown,
  now: number,
  extra: readonly Header[] = [],
  dialect: JsonDialect = 'php',
): HttpResponse => send(status, [['Content-Type', JSON_TYPE], ...extra], jsonText(value, dialect), now);

/** The exception handler's JSON: {"message"}, pretty-printed with unescaped slashes. */
const exception = (
  status: number,
  message: string,
  now: number,
  extra: readonly Header[] = [],
): HttpResponse => json(status, { message }, now, extra, 'php-pretty');

/** Laravel's messages for 'rating' => 'required|integer|between:1,5', 'body' => 'required|string|between:1,500'. */
function validationErrors(body: JsonBody): Record<string, string[]> {
  const { fields } = reviewFields(body);
  const errors: Record<string, string[]> = {};
  const { rating, body: text } = fields;
  if (rating === undefined || rating === null || rating === '')
    errors['rating'] = ['The rating field is required.'];
  else {
    const messages: string[] = [];
    const numeric =
      typeof rating === 'number' ||
      (typeof rating === 'string' && rating.trim() !== '' && Number.isFinite(Number(rating)));
    const value = Number(rating);
    if (!numeric || !Number.isInteger(value)) messages.push('The rating field must be an integer.');
    if (numeric && (value < 1 || value > 5)) messages.push('The rating field must be between 1 and 5.');
    if (messages.length > 0) errors['rating'] = messages;
  }
  if (text === undefined || text === null || text === '') errors['body'] = ['The body field is required.'];
  else if (typeof text !== 'string') errors['body'] = ['The body field must be a string.'];
  else if (codePoints(text) > 500) errors['body'] = ['The body field must be between 1 and 500 characters.'];
  return errors;
}

/** ValidationException's message: the first error, and how many more there are. */
function summary(errors: Record<string, string[]>): string {
  const all = Object.values(errors).flat();
  const more = all.length - 1;
  return `${all[0] ?? 'The given data was invalid.'}${more > 0 ? ` (and ${more} more error${more === 1 ? '' : 's'})` : ''}`;
}

/** Laravel's $request->path(): the path without its leading slash. */
const pathOf = (request: HttpRequest): string =>
  (request.target.split('?')[0] ?? '').replace(/^\//, '') || '/';

const productBody = (product: Json): string => jsonText(product, 'php');

/** APP_DEBUG=false: the exception handler's JSON for a request that expects JSON says only "Server Error". */
const uncaught = (request: HttpRequest, now: number) => ({
  response: onFrankenPhp(request, exception(500, 'Server Error', now)),
  log: `[${logTime(now).replaceAll('/', '-')}] production.ERROR: Trying to access array offset on null {"exception":"[object] (ErrorException(code: 0): Trying to access array offset on null at /srv/shop/app/Http/Controllers/ProductController.php:18)"}`,
  explain:
    'Laravel turns the PHP warning into an ErrorException; its exception handler logs it to storage/logs/laravel.log and, since the request expects JSON and APP_DEBUG is off, answers 500 with {"message": "Server Error"} and nothing more.',
});

function respond(answer: Answer, request: HttpRequest, now: number): HttpResponse {
  switch (answer.kind) {
    case 'product': {
      const body = productBody(answer.product);
      return send(
        200,
        [
          ['Content-Type', JSON_TYPE],
          ['ETag', etag(body)],
        ],
        body,
        now,
      );
    }
    case 'notModified':
      return send(304, [['ETag', etag(productBody(answer.product))]], '', now);
    case 'session':
      // Symfony sends the cookies after every other header; the server adds Content-Length last.
      return json(200, answer.user, now, answer.headers);
    case 'list':
      return json(200, answer.items, now);
    case 'created':
      return json(201, answer.review, now, [['Location', answer.location]]);
    case 'notFound':
      return exception(404, 'Product not found.', now);
    case 'unauthorized':
      return json(401, { message: 'Unauthenticated.' }, now, [['WWW-Authenticate', answer.challenge]]);
    case 'invalid': {
      const errors = validationErrors(answer.body);
      return json(422, { message: summary(errors), errors }, now);
    }
    case 'badId':
    case 'noRoute': {
      const allowed =
        answer.kind === 'noRoute' ? answer.allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])) : [];
      return allowed.length > 0
        ? exception(
            405,
            `The ${request.method} method is not supported for route ${pathOf(request)}. Supported methods: ${allowed.join(', ')}.`,
            now,
            [['Allow', allowed.join(', ')]],
          )
        : exception(404, `The route ${pathOf(request)} could not be found.`, now);
    }
  }
}

function explain(answer: Answer, response: HttpResponse): string {
  switch (answer.kind) {
    case 'noRoute':
    case 'badId':
      return `Laravel's router throws ${response.status === 405 ? 'MethodNotAllowedHttpException' : 'NotFoundHttpException'}, and its exception handler answers this JSON request with a pretty-printed {"message": …}.`;
    case 'notFound':
      return 'abort_if throws a NotFoundHttpException; the exception handler writes its message as pretty-printed JSON.';
    case 'invalid':
      return '$request->validate throws a ValidationException: Laravel answers 422 with a summary message and the errors by field.';
    default:
      return 'Symfony’s response adds private to Cache-Control (no-cache, private unless the code says otherwise).';
  }
}

/** Laravel 13 on Octane/FrankenPHP: ->where('id', '[0-9]{1,9}') keeps other segments from matching the route. */
export const laravel: Framework = {
  routing: {
    pattern: bracedParams,
    decodes: true,
    id: {
      refusedBy: 'router',
      parse: (segment) => (/^[0-9]{1,9}$/.test(segment) ? Number(segment) : null),
      rule: "->where('id', '[0-9]{1,9}')",
    },
    malformedBody: 'with-validation',
    auth: 'the VerifyBearerToken middleware',
  },
  response: {
    productTag: (product) => etag(productBody(product)),
    respond: (answer, request, now) => onFrankenPhp(request, respond(answer, request, now)),
    explain,
    uncaught,
  },
};
