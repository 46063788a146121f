import type { Header, HttpRequest, HttpResponse } from '../../model/messages.ts';
import { byteLength } from '../../protocols/byteLength.ts';
import { etag } from '../../protocols/etag.ts';
import { httpResponse, reasonPhrase, serverReason } from '../../protocols/http.ts';
import { httpDate } from '../../protocols/httpDate.ts';
import { isoTimestamp } from '../../protocols/isoTimestamp.ts';
import type { Answer, Framework } from './Framework.ts';
import { bracedParams } from './Framework.ts';

const JSON_TYPE = 'application/json';

/**
 * What Spring's conversion makes of a path segment for an `int` parameter (NumberUtils.parseNumber):
 * all whitespace removed, then `0x`, `0X` or `#` (after an optional minus) means hexadecimal
 * (Integer.decode), anything else is Integer.valueOf: an optional sign and decimal digits, within int.
 */
export function springInt(segment: string): number | null {
  // Java's Character.isWhitespace: JavaScript's \s plus the four information separators U+001C–U+001F.
  const s = [...segment].filter((c) => !/\s/.test(c) && !(c >= '\u001c' && c <= '\u001f')).join('');
  const hex = /^(-?)(?:0[xX]|#)([0-9a-fA-F]+)$/.exec(s);
  const dec = /^([+-]?)(\d+)$/.exec(s);
  const n = hex ? Number(`${hex[1] ?? ''}${parseInt(hex[2] ?? '', 16)}`) : dec ? Number(s) : NaN;
  return Number.isInteger(n) && n >= -(2 ** 31) && n <= 2 ** 31 - 1 ? n : null;
}

/** Tomcat adds Content-Length and Date after the headers the application set. */
function send(status: number, headers: readonly Header[], body: string, now: number): HttpResponse {
  return httpResponse(
    status,
    [
      ...headers,
      ...(status === 304 ? [] : [['Content-Length', String(byteLength(body))] as const]),
      ['Date', httpDate(now)],
    ],
    body,
  );
}

/**
 * Spring Boot's default error body (BasicErrorController with DefaultErrorAttributes): the time, the
 * status, its reason and the path, and nothing about the cause unless the app opts in.
 */
function error(
  status: number,
  request: HttpRequest,
  now: number,
  extra: readonly Header[] = [],
): HttpResponse {
  const path = request.target.split('?')[0] ?? request.target;
  const body = JSON.stringify({ timestamp: isoTimestamp(now), status, error: reasonPhrase(status), path });
  return send(status, [...extra, ['Content-Type', JSON_TYPE]], body, now);
}

function respond(answer: Answer, request: HttpRequest, now: number): HttpResponse {
  switch (answer.kind) {
    case 'product': {
      const body = JSON.stringify(answer.product);
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
      // checkNotModified sets the status and the ETag; the handler returns before building its ResponseEntity.
      return send(304, [['ETag', etag(JSON.stringify(answer.product))]], '', now);
    case 'list':
      return send(200, [['Content-Type', JSON_TYPE]], JSON.stringify(answer.items), now);
    case 'session':
      // Tomcat adds the session cookie the moment getSession(true) creates the session, before the body.
      return send(200, [...answer.headers, ['Content-Type', JSON_TYPE]], JSON.stringify(answer.user), now);
    case 'created':
      return send(
        201,
        [
          ['Location', answer.location],
          ['Content-Type', JSON_TYPE],
        ],
        JSON.stringify(answer.review),
        now,
      );
    case 'notFound':
      return error(404, request, now);
    case 'badId':
    case 'invalid':
      return error(400, request, now);
    case 'unauthorized':
      return error(401, request, now, [['WWW-Authenticate', answer.challenge]]);
    case 'noRoute':
      return answer.allowed.length > 0
        ? error(405, request, now, [['Allow', answer.allowed.join(', ')]])
        : error(404, request, now);
  }
}

/**
 * The exception leaves the DispatcherServlet; Tomcat forwards to /error, and BasicErrorController writes its JSON.
 * Tomcat's StandardWrapperValve logs it through Spring Boot's console pattern (logback defaults.xml, Spring
 * Boot 4: `%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p ${PID} --- [app] [%15.15t] %-40.40logger{39} : %m`): the
 * time in UTC with Z, the level, the pid (1 in a container), the application's name, the thread and the logger.
 */
const uncaught = (request: HttpRequest, now: number) => ({
  response: { ...error(500, request, now), reason: serverReason(500, 'none') },
  log: `${isoTimestamp(now)} ERROR 1 --- [shop] [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.NullPointerException: Cannot invoke "String.split(String)" because "fields" is null] with root cause`,
  explain:
    'The exception leaves Spring’s DispatcherServlet; Tomcat forwards the request to /error, where Spring Boot’s BasicErrorController answers 500 with its default error body {timestamp, status, error, path}: no message, no stack trace.',
});

function explain(answer: Answer, response: HttpResponse): string {
  const body = 'Spring Boot’s default error body: {timestamp, status, error, path}';
  switch (answer.kind) {
    case 'badId':
      return `Spring converts the path variable to the method's int before calling it: ${JSON.stringify(answer.value)} is not one, so it answers 400 Bad Request with ${body}; the method never runs.`;
    case 'invalid':
      return `@Valid fails, so Spring answers 400 Bad Request (its default for an invalid body, not 422) with ${body}, which does not say which field is wrong.`;
    case 'noRoute':
      return response.status === 405
        ? `The path has a mapping, but only for ${answer.allowed.join(', ')}: Spring answers 405 with an Allow header and ${body}.`
        : `Spring answers 404 with ${body}.`;
    case 'notFound':
    case 'unauthorized':
      return `The error goes to Spring Boot's /error controller, which writes ${body}.`;
    case 'notModified':
      return 'checkNotModified answers 304 with the ETag only: the handler returns before its Cache-Control is set.';
    default:
      return '';
  }
}

/** Spring Boot 4 (Spring MVC on Tomcat): `@PathVariable int id` converts the segment before the method runs. */
export const spring: Framework = {
  routing: {
    pattern: bracedParams,
    decodes: true,
    id: { refusedBy: 'conversion', parse: springInt, rule: '@PathVariable int id' },
    malformedBody: 'with-validation',
    auth: 'the interceptor behind @RequiresBearerToken',
  },
  response: {
    productTag: (product) => etag(JSON.stringify(product)),
    respond: (answer, request, now) => {
      const response = respond(answer, request, now);
      return { ...response, reason: serverReason(response.status, 'none') };
    },
    explain,
    uncaught,
  },
};
