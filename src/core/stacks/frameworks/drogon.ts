import type { Header, HttpRequest, HttpResponse } from '../../model/messages.ts';
import { validateReview } from '../../app/validateReview.ts';
import { ROUTES } from '../../app/matchRoute.ts';
import { byteLength } from '../../protocols/byteLength.ts';
import { etag } from '../../protocols/etag.ts';
import { serverReason } from '../../protocols/http.ts';
import { httpDate } from '../../protocols/httpDate.ts';
import { jsonText } from '../../protocols/jsonText.ts';
import { percentDecode } from '../../protocols/percentDecode.ts';
import { worldTime } from '../../protocols/worldTime.ts';
import type { Answer, Framework, Json, Uncaught } from './Framework.ts';
import { bracedParams } from './Framework.ts';
import { drogonGzip } from './drogonGzip.ts';

// Everything here was read in Drogon 1.9.13's source (github.com/drogonframework/drogon, tag v1.9.13):
// - HttpResponseImpl::makeHeaderString and renderToBuffer (lib/src/HttpResponseImpl.cc): the status line
//   with statusCodeToString's phrase, then "content-length" (even for a 304: only 1xx and 204 go
//   without), "content-type" when the response has one, "server: drogon/1.9.13" (serverHeader_ in
//   HttpAppFrameworkImpl.h), the handler's headers, and "date" last. Every name in lower case: addHeader
//   lowers the name it is given.
// - The handler's headers live in a SafeStringMap, a std::unordered_map whose hash is seeded with a
//   random number when the process starts (utils::internal::fixedRandomNumber): their order on the wire
//   changes from one start to the next. They are shown here in the order the code adds them.
// - Contents: CT_APPLICATION_JSON is "application/json; charset=utf-8", CT_TEXT_HTML "text/html;
//   charset=utf-8", CT_NONE writes no content-type (lib/src/HttpUtils.cc).
// - A path no route takes goes to the static file router, whose default handler answers
//   newNotFoundResponse: the NotFound view (lib/src/NotFound.cc), an HTML page padded against the
//   browsers' friendly error pages. A route with a {placeholder} is a regular expression tried only for
//   methods it has a handler for, so a wrong method on it is a 404 too; a plain path with a handler for
//   other methods answers 405 from defaultErrorHandler: the status, an empty text/html body, no Allow.
// - The handler's int parameter is converted with std::stoi (getHandlerArgumentValue<int>, HttpBinder.h);
//   its exception goes to defaultExceptionHandler (HttpAppFrameworkImpl.cc), which logs "Unhandled
//   exception in <path>, what(): …" and answers defaultErrorHandler's 500: no body.
const VERSION = '1.9.13';
const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** The NotFound view's page, rendered with drogon::getVersion(). */
export const DROGON_NOT_FOUND = [
  '<html>',
  '<head><title>404 Not Found</title></head>',
  '<body bgcolor="white" text="black">',
  '<center><h1>404 Not Found</h1></center>',
  `<hr><center>drogon/${VERSION}</center>`,
  '</body>',
  '</html>',
  ...Array<string>(6).fill('<!-- a padding to disable MSIE and Chrome friendly error page -->'),
  '',
].join('\n');

/**
 * The response as Drogon writes it: content-length, content-type (when there is one), server, the
 * handler's headers, date; names in lower case, the phrase from statusCodeToString.
 */
function send(
  status: number,
  type: string | null,
  headers: readonly Header[],
  body: string,
  now: number,
): HttpResponse {
  return {
    kind: 'response',
    version: 'HTTP/1.1',
    status,
    reason: serverReason(status, 'drogon'),
    headers: [
      ['content-length', String(byteLength(body))],
      ...(type === null ? [] : [['content-type', type] as const]),
      ['server', `drogon/${VERSION}`],
      ...headers.map(([name, value]): Header =>
        // Cookies go out after the other headers, as Cookie::cookieString writes them: "Set-Cookie".
        name === 'Set-Cookie' ? [name, value] : [name.toLowerCase(), value],
      ),
      ['date', httpDate(now)],
    ],
    body,
  };
}

/** newHttpJsonResponse: jsoncpp's text (keys sorted) as application/json; charset=utf-8. */
const json = (status: number, value: unknown, now: number, headers: readonly Header[] = []): HttpResponse =>
  send(status, JSON_TYPE, headers, jsonText(value, 'jsoncpp'), now);

/** defaultErrorHandler: the status and nothing else, as an empty text/html response. */
const bare = (status: number, now: number): HttpResponse => send(status, HTML_TYPE, [], '', now);

const productBody = (product: Json): string => jsonText(product, 'jsoncpp');

/** A path Drogon keeps as a plain string (no placeholder), compared in lower case: there a wrong method is a 405. */
const plainRoute = (request: HttpRequest): boolean => {
  const path = percentDecode(request.target.split('?')[0] ?? '').toLowerCase();
  return ROUTES.some((r) => !r.pattern.includes(':') && r.pattern === path);
};

function respond(answer: Answer, request: HttpRequest, now: number): HttpResponse {
  switch (answer.kind) {
    case 'product': {
      const body = productBody(answer.product);
      const tags: Header[] = [
        ['Cache-Control', 'no-cache'],
        ['ETag', etag(body)],
      ];
      return send(200, JSON_TYPE, tags, body, now);
    }
    case 'notModified':
      return send(
        304,
        null,
        [
          ['Cache-Control', 'no-cache'],
          ['ETag', etag(productBody(answer.product))],
        ],
        '',
        now,
      );
    case 'session':
      return json(200, answer.user, now, answer.headers);
    case 'list':
      return json(200, answer.items, now);
    case 'created':
      return json(201, answer.review, now, [['Location', answer.location]]);
    case 'notFound':
      return json(404, { error: 'Not Found' }, now);
    case 'badId':
      return bare(500, now);
    case 'unauthorized':
      return json(401, { error: 'Unauthorized' }, now, [['WWW-Authenticate', answer.challenge]]);
    case 'invalid': {
      const checked = validateReview(answer.body);
      return json(422, { errors: checked.ok ? [] : checked.errors }, now);
    }
    case 'noRoute':
      return answer.allowed.length > 0 && plainRoute(request)
        ? bare(405, now)
        : send(404, HTML_TYPE, [], DROGON_NOT_FOUND, now);
  }
}

/** Why two runs of the same server may order cache-control and etag differently. */
const HASHED = 'the handler’s headers come in its hash map’s order, seeded at random when the server starts';

function explain(answer: Answer, response: HttpResponse): string {
  switch (answer.kind) {
    case 'product':
      return `Drogon writes content-length, content-type, server, ${HASHED}, date, in lower case.`;
    case 'notModified':
      return `No content type, but content-length: 0 (Drogon drops it only for 1xx and 204); ${HASHED}.`;
    case 'badId': {
      const thrown = /^\s*[+-]?\d/.test(answer.value)
        ? 'out_of_range (too big for an int)'
        : 'invalid_argument (no digits)';
      return `Drogon converts {id} to the handler’s int with std::stoi, which throws std::${thrown} for ${JSON.stringify(answer.value)}: its default exception handler logs it and answers 500, empty. The handler never runs; std::stoi reads leading digits, so "12abc" would pass as 12.`;
    }
    case 'noRoute':
      return response.status === 405
        ? `The plain path is routed only for ${answer.allowed.join(', ')}: 405, empty, no Allow header.`
        : 'Drogon’s NotFound page: HTML with its version, padded so browsers show it, not their own page.';
    default:
      return '';
  }
}

/** trantor's log time: "20261124 09:00:00.000000 UTC" (Logger::formatTime, UTC unless configured local). */
function trantorTime(now: number): string {
  const t = worldTime(now);
  const two = (n: number): string => String(n).padStart(2, '0');
  const micro = String(Math.round(t.millisecond * 1000)).padStart(6, '0');
  return `${t.year}${two(t.month)}${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}.${micro} UTC`;
}

/** req->path() (percent-decoded) and "?" with the query when there is one, as defaultExceptionHandler logs it. */
function pathWithQuery(request: HttpRequest): string {
  const [path = '', query = ''] = request.target.split(/\?(.*)/s);
  return `${percentDecode(path)}${query === '' ? '' : `?${query}`}`;
}

/**
 * The handler throws: the bug reads the missing ?fields= parameter's first character with
 * std::string::at, whose std::out_of_range (libstdc++'s message) Drogon's binder catches and hands to
 * defaultExceptionHandler: one trantor log line (time, thread id, level, message, source:line) and 500.
 */
const uncaught = (request: HttpRequest, now: number): Uncaught => ({
  response: bare(500, now),
  log: `${trantorTime(now)} 9 ERROR Unhandled exception in ${pathWithQuery(request)}, what(): basic_string::at: __n (which is 0) >= this->size() (which is 0) - HttpAppFrameworkImpl.cc:124`,
  explain: 'Drogon catches the std::out_of_range, logs its what() with the path, and answers an empty 500.',
});

/** std::stoi on the segment: leading white space, a sign, digits (the rest ignored), within int. */
export function stoi(segment: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(segment);
  if (!m?.[1]) return null;
  const n = Number(m[1]) + 0; // + 0: "-0" is the int 0
  return n >= -(2 ** 31) && n <= 2 ** 31 - 1 ? n : null;
}

/** Drogon 1.9 with C++20 coroutines: `{id}` takes any segment, then std::stoi converts it for `int id`. */
export const drogon: Framework = {
  routing: {
    pattern: bracedParams,
    decodes: true,
    id: { refusedBy: 'conversion', parse: stoi, rule: 'std::stoi for the handler’s int parameter' },
    malformedBody: 'with-validation',
    auth: 'the BearerAuth middleware',
  },
  response: {
    productTag: (product) => etag(productBody(product)),
    respond: (answer, request, now) => drogonGzip(request, respond(answer, request, now)),
    explain,
    uncaught,
  },
};
