// login-session against real implementations: the stored bcrypt hash and Starlette's signed cookie through
// Debian's python3-bcrypt and python3-itsdangerous (where installed), express-session's signature through
// node:crypto as cookie-signature computes it, and every stack's cookies through a real Chromium (Debian's
// /usr/bin/chromium): the login's Set-Cookie as each framework writes it, the attributes Chromium stores, and
// the Cookie it sends with the next request, header for header.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import type { Cookie } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Header, HttpRequest, Language, Timeline } from '../../src/core/index.ts';
import { USER, USER_PASSWORD } from '../../src/core/data/shopData.ts';
import { EXPRESS_SESSION_SECRET } from '../../src/core/stacks/sessions/expressSession.ts';
import { STARLETTE_SECRET_KEY, STARLETTE_SESSION } from '../../src/core/stacks/sessions/starletteSession.ts';
import { asOurChromium } from './chromium.ts';

const CHROMIUM = '/usr/bin/chromium';
const PYTHON = '/usr/bin/python3';

const timeline = (lang: Language): Timeline =>
  buildTimeline(scenarioById('login-session')!, { lang, db: 'postgres' });

const messages = (t: Timeline, prefix: string) =>
  t.steps
    .filter((s) => s.id.startsWith(prefix))
    .flatMap((s) => (s.message.protocol === 'http' ? [s.message.http] : []));

const requests = (t: Timeline): HttpRequest[] =>
  messages(t, 'http-request').flatMap((m) => (m.kind === 'request' ? [m] : []));

/** The Set-Cookie values the login's answer carries, as the browser receives them. */
const setCookies = (t: Timeline): string[] =>
  (messages(t, 'http-response-200')[0]?.headers ?? [])
    .filter(([n]) => n.toLowerCase() === 'set-cookie')
    .map(([, v]) => v);

const python = (script: string, ...args: string[]): string =>
  execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' }).trim();

const hasPython = (module: string): boolean => {
  if (!existsSync(PYTHON)) return false;
  try {
    python(`import ${module}`);
    return true;
  } catch {
    return false;
  }
};

describe.runIf(hasPython('bcrypt'))('the stored password hash (python3-bcrypt)', () => {
  it('is a real bcrypt hash of the password Ada types, at cost 12', () => {
    const check = 'import bcrypt, sys; print(bcrypt.checkpw(sys.argv[1].encode(), sys.argv[2].encode()))';
    expect(python(check, USER_PASSWORD, USER.password_hash)).toBe('True');
    expect(python(check, 'wrong password', USER.password_hash)).toBe('False');
    expect(USER.password_hash).toMatch(/^\$2b\$12\$[./A-Za-z0-9]{53}$/);
  });
});

describe('express-session’s cookie (cookie-signature’s HMAC, through node:crypto)', () => {
  it('connect.sid is s: + the id + . + base64 HMAC-SHA256 of the id without =, URI-encoded', () => {
    const cookie = setCookies(timeline('node'))[0] ?? '';
    const value = decodeURIComponent(/^connect\.sid=([^;]*)/.exec(cookie)?.[1] ?? '');
    const [sid, signature] = value.slice(2).split('.');
    expect(value.startsWith('s:')).toBe(true);
    expect(sid).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const expected = createHmac('sha256', EXPRESS_SESSION_SECRET)
      .update(sid ?? '')
      .digest('base64')
      .replace(/=+$/, '');
    expect(signature).toBe(expected);
  });
});

describe.runIf(hasPython('itsdangerous'))('Starlette’s session cookie (python3-itsdangerous)', () => {
  it('unsigns with itsdangerous’s TimestampSigner and decodes to the session the handler stored', () => {
    const cookie = setCookies(timeline('python'))[0] ?? '';
    const data = /^session=([^;]*)/.exec(cookie)?.[1] ?? '';
    const unsign = [
      'import base64, itsdangerous, json, sys',
      'data = itsdangerous.TimestampSigner(sys.argv[1]).unsign(sys.argv[2].encode())',
      'print(json.dumps(json.loads(base64.b64decode(data))))',
    ].join('\n');
    expect(JSON.parse(python(unsign, STARLETTE_SECRET_KEY, data))).toEqual(STARLETTE_SESSION);
  });
});

/** What Chromium stored and sent, per stack. */
interface Live {
  cookies: Cookie[];
  login: Header[];
  me: Header[];
}

describe.runIf(existsSync(CHROMIUM))('each stack’s cookies in Chromium', () => {
  const live = new Map<Language, Live>();
  let lang: Language = 'node';
  let port = 0;
  const record = (req: http.IncomingMessage): Header[] => {
    const pairs: Header[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      pairs.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
    return pairs;
  };
  const server = http.createServer((req, res) => {
    const t = timeline(lang);
    const entry = live.get(lang)!;
    if (req.url === '/') {
      // What the page already holds (Laravel: the cookies GET /sanctum/csrf-cookie set).
      const held = requests(t)[0]?.headers.find(([n]) => n === 'Cookie')?.[1];
      const preset = (held ? held.split('; ') : []).map(
        (c) => `${c}; path=/; secure; samesite=lax${c.startsWith('XSRF-TOKEN=') ? '' : '; httponly'}`,
      );
      res.setHeader('Set-Cookie', preset);
      return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(lang));
    }
    if (req.url === '/api/login') {
      entry.login = record(req);
      // The simulated world's dates are in the past here: a cookie with only Expires would be dropped at once.
      const tomorrow = new Date(Date.now() + 86_400_000).toUTCString();
      res.setHeader(
        'Set-Cookie',
        setCookies(t).map((c) => c.replace(/(expires=)[^;]*/i, `$1${tomorrow}`)),
      );
    } else if (req.url === '/api/me') entry.me = record(req);
    else return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });

  /** The page's two fetch() calls, as the scenario shows them (Laravel's with X-XSRF-TOKEN from its cookie). */
  const page = (l: Language): string => `<!doctype html><script>
(async () => {
  const xsrf = ${l === 'php'} && decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]*)/)[1]);
  await fetch('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(xsrf ? { 'X-XSRF-TOKEN': xsrf } : {}) }, body: ${JSON.stringify(JSON.stringify({ email: USER.email, password: USER_PASSWORD }))} });
  await fetch('/api/me', { headers: { Accept: 'application/json' } });
  document.title = 'done';
})();
</script>`;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--host-resolver-rules=MAP shop.example 127.0.0.1',
        `--unsafely-treat-insecure-origin-as-secure=http://shop.example:${port}`,
      ],
    });
    try {
      for (const l of LANGUAGES) {
        lang = l;
        live.set(l, { cookies: [], login: [], me: [] });
        const context = await browser.newContext();
        const tab = await context.newPage();
        await tab.goto(`http://shop.example:${port}/`);
        await tab.waitForFunction(() => document.title === 'done');
        live.get(l)!.cookies = await context.cookies();
        await context.close();
      }
    } finally {
      await browser.close();
    }
  }, 120_000);

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /**
   * Values that depend on where the server is, and headless Chromium's UA; over http:// (a secure origin only
   * by the flag) Chromium offers no br or zstd.
   */
  const HOST_BOUND = new Set(['host', 'origin', 'referer', 'content-length', 'accept-encoding']);
  const comparable = (headers: readonly Header[]): Header[] =>
    headers.map(([n, v]) => [n, HOST_BOUND.has(n.toLowerCase()) ? '…' : asOurChromium(v)]);

  it.each(LANGUAGES.map((l) => [l, l] as const))(
    '%s: Chromium stores the cookies with the attributes the framework wrote',
    (_n, l) => {
      const stored = live.get(l)!.cookies;
      for (const set of setCookies(timeline(l))) {
        const [pair = '', ...attrs] = set.split(';').map((a) => a.trim());
        const name = pair.slice(0, pair.indexOf('='));
        const cookie = stored.find((c) => c.name === name);
        expect(cookie, `${l}: ${name} stored`).toBeDefined();
        expect(cookie?.value).toBe(pair.slice(name.length + 1));
        const has = (a: string): boolean => attrs.some((x) => x.toLowerCase().split('=')[0] === a);
        expect(cookie?.httpOnly, `${l}: ${name} HttpOnly`).toBe(has('httponly'));
        expect(cookie?.secure, `${l}: ${name} Secure`).toBe(has('secure'));
        expect(cookie?.sameSite, `${l}: ${name} SameSite`).toBe('Lax');
        expect(cookie?.path).toBe('/');
        expect(cookie?.expires === -1, `${l}: ${name} lasts the browser session`).toBe(
          !has('expires') && !has('max-age'),
        );
      }
    },
  );

  it.each(LANGUAGES.map((l) => [l, l] as const))(
    '%s: the login and the next request, header for header, Cookie included',
    (_n, l) => {
      const [login, me] = requests(timeline(l));
      expect(comparable(login!.headers)).toEqual(comparable(live.get(l)!.login));
      expect(comparable(me!.headers)).toEqual(comparable(live.get(l)!.me));
    },
  );
});
