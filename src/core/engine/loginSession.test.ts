import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import type { Step } from '../model/timeline.ts';
import { headerValue } from '../protocols/http.ts';
import { loginSession } from '../scenarios/loginSession.ts';
import { USER, USER_PASSWORD } from '../data/shopData.ts';
import { buildTimeline } from './buildTimeline.ts';
import { languageProfile } from '../stacks/languages.ts';

const STACKS = LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db })));

const http = (step: Step | undefined) => {
  if (step?.message.protocol !== 'http') throw new Error(`no HTTP message at ${step?.id}`);
  return step.message.http;
};

/** The cookie each stack's framework names its session by (Laravel's comes with XSRF-TOKEN). */
const COOKIE = {
  node: 'connect.sid',
  python: 'session',
  java: 'JSESSIONID',
  ruby: '_shop_session',
  php: 'laravel_session',
  go: 'session',
  cpp: 'JSESSIONID',
} as const;

describe('login-session', () => {
  it('posts the email and password of the account the shop holds', () => {
    expect(JSON.parse(loginSession.request.body)).toEqual({ email: USER.email, password: USER_PASSWORD });
  });

  it.each(STACKS.map((s) => [`${s.lang}+${s.db}`, s] as const))(
    '%s: the login sets the session cookie and the next request carries it back',
    (_name, stack) => {
      const t = buildTimeline(loginSession, stack);
      expect(t.outcome.status).toBe(200);
      const requests = t.steps
        .filter((s) => s.id.startsWith('http-request'))
        .map(http)
        .flatMap((m) => (m.kind === 'request' ? [m] : []));
      expect(requests.map((r) => `${r.method} ${r.target}`)).toEqual(['POST /api/login', 'GET /api/me']);
      const answers = t.steps.filter((s) => s.id.startsWith('http-response-200')).map(http);
      expect(answers).toHaveLength(2);
      const set = answers[0]!.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v);
      const session = set.find((c) => c.startsWith(`${COOKIE[stack.lang]}=`));
      expect(session, 'the session cookie').toBeDefined();
      expect(session).toMatch(/; path=\/(;|$)/i);
      expect(session).toMatch(/; httponly(;|$)/i);
      expect(session).toMatch(/; samesite=lax(;|$)/i);
      // Drogon's session cookie has no Secure attribute and no setting for one (the narration says so).
      if (stack.lang === 'cpp') expect(session).not.toMatch(/secure/i);
      else expect(session).toMatch(/; secure(;|$)/i);
      // The browser sends back each cookie's name=value, in the order it stored them.
      const cookie = headerValue(requests[1]!.headers, 'Cookie');
      expect(cookie).toBe(set.map((c) => c.split(';')[0]).join('; '));
      expect(requests[1]!.headers.at(-1)?.[0], 'Chromium writes Cookie last').toBe('Cookie');
    },
  );

  it.each(STACKS.map((s) => [`${s.lang}+${s.db}`, s] as const))(
    '%s: the account is looked up, the password checked with bcrypt, the session started and found',
    (_name, stack) => {
      const ids = buildTimeline(loginSession, stack).steps.map((s) => s.id);
      const at = (id: string): number => ids.indexOf(id);
      for (const id of [
        'server-password',
        'server-session-start',
        'browser-store-cookie',
        'server-session-read',
      ])
        expect(ids, id).toContain(id);
      expect(at('server-password')).toBeLessThan(at('server-session-start'));
      expect(at('server-session-start')).toBeLessThan(at('browser-store-cookie'));
      expect(at('browser-store-cookie')).toBeLessThan(at('server-session-read'));
      const password = buildTimeline(loginSession, stack).steps[at('server-password')]!;
      expect(password.durationMs).toBe(languageProfile(stack.lang).session.verifyMs);
      expect(password.narration).toContain(`${languageProfile(stack.lang).session.verifyMs} ms`);
      expect(password.narration).toMatch(/bcrypt/i);
    },
  );

  it('Laravel: the login posts the XSRF-TOKEN cookie’s value back in X-XSRF-TOKEN, as its CSRF check asks', () => {
    const login = http(
      buildTimeline(loginSession, { lang: 'php', db: 'postgres' }).steps.find((s) =>
        s.id.startsWith('http-request'),
      ),
    );
    const cookie = headerValue(login.headers, 'Cookie') ?? '';
    const xsrf = /(?:^|; )XSRF-TOKEN=([^;]*)/.exec(cookie)?.[1];
    expect(xsrf).toBeDefined();
    expect(headerValue(login.headers, 'X-XSRF-TOKEN')).toBe(decodeURIComponent(xsrf ?? ''));
  });

  it('only the frameworks that write their cookie on every response set it again on /api/me', () => {
    const again = LANGUAGES.filter((lang) => {
      const t = buildTimeline(loginSession, { lang, db: 'postgres' });
      const me = t.steps.filter((s) => s.id.startsWith('http-response-200')).map(http)[1];
      return me?.headers.some(([n]) => n.toLowerCase() === 'set-cookie');
    });
    expect(again).toEqual(['python', 'ruby', 'php']);
  });
});
