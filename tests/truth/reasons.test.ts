// Reason phrases are per server (issue 12, item 5). Node's come from its own http.STATUS_CODES (checked here
// live); Go's net/http StatusText, which FrankenPHP (Laravel's server, written in Go) also writes, from
// src/net/http/status.go ("Unprocessable Entity", as Node); Tomcat has sent no phrase since 8.5
// ("HTTP/1.1 200 ", the space kept); uvicorn on Python 3.13 and Puma write RFC 9110's. nginx relays the
// upstream's status line as it is.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, buildTimeline, unavailableReason } from '../../src/core/index.ts';
import type { HttpResponse, Language } from '../../src/core/index.ts';
import { serverReason } from '../../src/core/protocols/http.ts';
import { STACKS, stackName } from './timelines.ts';

const SENT = [200, 201, 304, 400, 401, 404, 405, 422, 500, 503, 504];

const GO_STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const EXPECTED: Readonly<Record<Language, (status: number) => string>> = {
  node: (s) => http.STATUS_CODES[s] ?? '',
  go: (s) => GO_STATUS_TEXT[s] ?? '',
  php: (s) => GO_STATUS_TEXT[s] ?? '',
  // Drogon's statusCodeToString (lib/src/HttpUtils.cc, v1.9.13) says what Go says for these.
  cpp: (s) => GO_STATUS_TEXT[s] ?? '',
  java: () => '',
  python: (s) => serverReason(s, 'rfc9110'),
  ruby: (s) => serverReason(s, 'rfc9110'),
};

const response = (
  steps: ReturnType<typeof buildTimeline>['steps'],
  prefix: string,
): HttpResponse | undefined => {
  const step = steps.find((s) => s.id.startsWith(prefix));
  return step?.message.protocol === 'http' && step.message.http.kind === 'response'
    ? step.message.http
    : undefined;
};

describe('reason phrases', () => {
  it('Node’s are its http.STATUS_CODES', () => {
    for (const s of SENT) expect(serverReason(s, 'node'), String(s)).toBe(http.STATUS_CODES[s]);
  });

  it.each(STACKS.map((s) => [stackName(s), s] as const))(
    '%s: the app server’s own, relayed as they are',
    (_name, stack) => {
      let checked = 0;
      for (const scenario of SCENARIOS) {
        if (unavailableReason(scenario, stack) !== null) continue;
        const { steps } = buildTimeline(scenario, stack);
        const app = response(steps, 'app-response-');
        if (!app) continue;
        expect(app.reason, `${scenario.id}: ${app.status}`).toBe(EXPECTED[stack.lang](app.status));
        const browser = response(steps, 'http-response-');
        if (browser?.status === app.status)
          expect(browser.reason, `${scenario.id}: relayed`).toBe(app.reason);
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
    },
  );

  it('Tomcat’s status line keeps the space before the missing phrase', () => {
    const t = buildTimeline(
      SCENARIOS.find((s) => s.id === 'first-visit')!,
      { lang: 'java', db: 'postgres' },
    );
    const step = t.steps.find((s) => s.id === 'app-response-200');
    expect(step?.message.text.split('\r\n')[0]).toBe('HTTP/1.1 200 ');
  });
});
