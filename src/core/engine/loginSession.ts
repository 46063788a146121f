import type { Header, HttpRequest } from '../model/messages.ts';
import type { Outcome } from '../model/timeline.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { httpRequest } from '../protocols/http.ts';
import { COST_MS } from '../world/world.ts';
import { browserRequest } from './browserRequest.ts';
import { exchange } from './exchange.ts';
import { parseUrl } from './parseUrl.ts';

/** A cookie's name=value, the part of a Set-Cookie the browser sends back. */
const pair = (setCookie: string): string => setCookie.split(';')[0] ?? setCookie;

/** A cookie's attributes in words a student can check against the header. */
function attributes(setCookie: string): string {
  const attrs = setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());
  const has = (name: string): boolean => attrs.some((a) => a === name || a.startsWith(`${name}=`));
  return [
    has('httponly')
      ? 'HttpOnly: page scripts cannot read it (document.cookie leaves it out), so an injected script cannot steal it'
      : 'not HttpOnly: the page’s own script can read it, which is its purpose',
    has('secure') ? 'Secure: only ever sent over HTTPS' : 'not Secure: the framework set no Secure attribute',
    'SameSite=Lax: sent with requests from this site and with top-level links from others, never with another site’s POST, fetch() or iframe',
    'Path=/: for every path of the site',
    has('expires') || has('max-age')
      ? 'and an expiry date'
      : 'and no expiry: it lasts until the browser closes',
  ].join('; ');
}

/**
 * The login request with what the page already holds (Laravel: the XSRF-TOKEN cookie and its header): the
 * page's header where Chromium puts a page's own (after sec-ch-ua-platform, where Authorization goes), Cookie
 * last (both recorded live in tests/truth/sessions.test.ts).
 */
export function loginRequest(ctx: EngineContext, request: HttpRequest): HttpRequest {
  const held = ctx.scenario.session ? ctx.profile.session.before?.(ctx.rng.hex(64)) : undefined;
  if (!held) return request;
  const headers: Header[] = request.headers.flatMap((h): Header[] =>
    h[0] === 'sec-ch-ua-platform' ? [h, held.header] : [h],
  );
  return { ...request, headers: [...headers, ['Cookie', held.cookie]] };
}

/**
 * After the login's answer: the browser stores the session's cookies, then the page's next request (GET
 * `next`) carries them in Cookie, and the app finds the session from it.
 */
export function nextWithCookie(ctx: EngineContext, next: string, login: Outcome): Outcome {
  const cookies = ctx.session.cookies;
  if (!login.ok || cookies === null) return login;
  const { session } = ctx.profile;
  const names = cookies.setCookies.map((c) => pair(c).split('=')[0] ?? '');
  ctx.b.local('browser', COST_MS.cacheLookup, {
    id: 'browser-store-cookie',
    phase: 'response',
    title: `Store the cookie${names.length > 1 ? 's' : ''}`,
    narration: `The browser stores ${names.join(' and ')} for ${ctx.url.host} in its cookie jar, with what each Set-Cookie says. ${session.cookieName}: ${attributes(cookies.setCookies.find((c) => pair(c).startsWith(`${session.cookieName}=`)) ?? cookies.setCookies[0] ?? '')}. ${session.csrf}`,
    why: 'Security: the cookie now stands for the signed-in user, so whoever holds it is her: HttpOnly keeps it from scripts, Secure from plain HTTP, SameSite from other sites’ requests.',
    message: internal(names.join(', '), cookies.setCookies.map((c) => `Set-Cookie: ${c}`).join('\n')),
    changes: [
      { node: 'browser', key: 'cookies', value: names.map((n) => `${n} (${ctx.url.host})`).join(', ') },
    ],
  });
  const url = parseUrl(next);
  const nextCtx: EngineContext = { ...ctx, url };
  const scenario = { ...ctx.scenario, request: { method: 'GET' as const, url: next, headers: [], body: '' } };
  const plain = browserRequest(scenario, url, ctx.profile);
  const jar = cookies.setCookies.map(pair).join('; ');
  const request = httpRequest('GET', plain.target, [...plain.headers, ['Cookie', jar]]);
  ctx.b.local('browser', COST_MS.cacheLookup, {
    id: 'browser-attach-cookie',
    phase: 'request',
    title: `Attach ${names.join(' and ')}`,
    narration: `The page asks for GET ${next} (fetch’s default credentials: 'same-origin'). The browser finds ${names.length > 1 ? 'cookies' : 'a cookie'} for ${url.host} whose Path covers ${url.path}, the connection is HTTPS and the request comes from the site itself, so it adds Cookie: ${names.join('; ')} to the request. The page’s code never touches it.`,
    message: internal(`Cookie: ${names.join('; ')}`, `Cookie: ${jar}`),
  });
  const [outcome] = exchange(nextCtx, request, true);
  return outcome;
}
