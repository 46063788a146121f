import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGES, buildTimeline, scenarioById } from '../index.ts';
import type { Stack } from '../index.ts';

const STACKS: Stack[] = LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db })));
const scenario = scenarioById('server-error')!;

/** Per language: what reaches the browser, and a piece of the log line the exception step shows. */
const EXPECTED: Record<string, { status: number; type: string; body: RegExp; log: RegExp }> = {
  node: {
    status: 500,
    type: 'text/html; charset=utf-8',
    body: /<title>Error<\/title>[\s\S]*<pre>Internal Server Error<\/pre>/,
    log: /^TypeError: Cannot read properties of undefined \(reading 'split'\)\n {4}at /,
  },
  python: {
    status: 500,
    type: 'text/plain; charset=utf-8',
    body: /^Internal Server Error$/,
    log: /^INFO: {5}\d+\.\d+\.\d+\.\d+:\d+ - "GET \/api\/products\/42 HTTP\/1\.1" 500 Internal Server Error\nERROR: {4}Exception in ASGI application\nTraceback/,
  },
  java: {
    status: 500,
    type: 'application/json',
    body: /^\{"timestamp":"[^"]+","status":500,"error":"Internal Server Error","path":"\/api\/products\/42"\}$/,
    log: /^2026-11-24T09:00:00\.\d{3}Z ERROR 1 --- \[shop\] .*NullPointerException/,
  },
  ruby: {
    status: 500,
    type: 'application/json; charset=utf-8',
    body: /^\{"status":500,"error":"Internal Server Error"\}$/,
    log: /^\[\w+\] {3}\n\[\w+\] NoMethodError \(undefined method 'split' for nil\):/,
  },
  go: {
    status: 502,
    type: 'text/html',
    body: /<h1>502 Bad Gateway<\/h1>/,
    log: /^2026\/11\/24 09:00:00 http: panic serving 203\.0\.113\.10:\d+: runtime error: /,
  },
  php: {
    status: 500,
    type: 'application/json',
    body: /^\{\n {4}"message": "Server Error"\n\}$/,
    log: /production\.ERROR: Trying to access array offset on null/,
  },
  cpp: {
    status: 500,
    type: 'text/html; charset=utf-8',
    body: /^$/,
    log: /^20261124 09:00:\d\d\.\d{6} UTC \d+ ERROR Unhandled exception in \/api\/products\/42, what\(\): basic_string::at: /,
  },
};

describe('server-error: an uncaught exception in the handler', () => {
  it.each(STACKS.map((s) => [`${s.lang}+${s.db}`, s] as const))(
    'on %s the framework’s default answers, the log keeps the stack, the database is never asked',
    (_, stack) => {
      const expected = EXPECTED[stack.lang]!;
      const t = buildTimeline(scenario, stack);
      const crash = t.steps.find((s) => s.id === 'server-exception')!;
      expect([crash.from, crash.to]).toEqual(['app', 'app']);
      expect(crash.message.text).toMatch(expected.log);
      expect(t.steps.some((s) => s.from === 'db' || s.to === 'db' || s.to === 'cache')).toBe(false);
      expect(t.outcome.status).toBe(expected.status);
      const last = t.steps.filter((s) => s.from === 'proxy' && s.to === 'browser').at(-1)!;
      const http = last.message.protocol === 'http' ? last.message.http : null;
      expect(http?.kind).toBe('response');
      const type = http?.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
      expect(type).toBe(expected.type);
      expect(http?.body).toMatch(expected.body);
      // No stack trace, file path or exception name ever reaches the browser.
      expect(http?.body).not.toMatch(/split|Exception|Error \(|\.py|\.js|\.rb|\.php|\.go|goroutine/);
    },
  );

  it('Go’s server answers nothing: it closes the connection and the proxy writes 502 with its log line', () => {
    const t = buildTimeline(scenario, { lang: 'go', db: 'postgres' });
    expect(t.steps.some((s) => s.from === 'app' && s.to === 'proxy' && s.message.protocol === 'http')).toBe(
      false,
    );
    const fin = t.steps.find((s) => s.id === 'upstream-fin')!;
    expect(fin.message.protocol === 'tcp' && fin.message.tcp.flags).toEqual(['FIN', 'ACK']);
    const panic = t.steps.find((s) => s.id === 'server-exception')!.message.text;
    const finPort = fin.message.protocol === 'tcp' ? fin.message.tcp.dstPort : 0;
    expect(panic).toContain(`panic serving 203.0.113.10:${finPort}:`);
    expect(t.steps.find((s) => s.id === 'proxy-bad-gateway')!.message.text).toContain(
      'upstream prematurely closed connection while reading response header from upstream',
    );
  });
});
