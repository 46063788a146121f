import type { Header, HttpResponse } from '../model/messages.ts';
import { USER } from '../data/shopData.ts';
import type { SessionCookies } from '../stacks/sessions/SessionStyle.ts';
import { internal } from '../journey/EngineContext.ts';
import { COST_MS } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { codeAt, respond } from './AppContext.ts';
import { codeStep } from './codeStep.ts';
import { isFailed } from './dbFailed.ts';
import { queryDatabase } from './queryDatabase.ts';

/** The user as the session keeps it and the API answers it. */
const SIGNED_IN = { id: USER.id, email: USER.email, name: USER.name };

const setCookies = (values: readonly string[]): Header[] => values.map((v) => ['Set-Cookie', v]);

/** Where the session lives, as a line of the app server's state. */
function stored(ctx: AppContext, cookies: SessionCookies): string {
  const short = (cookies.id ?? '').slice(0, 8);
  switch (ctx.profile.session.store) {
    case 'memory':
      return `${short}… → ${USER.email} (in memory)`;
    case 'file':
      return `storage/framework/sessions/${short}… → ${USER.email}`;
    case 'cookie':
      return 'nothing: the session travels in the cookie';
  }
}

/**
 * POST /api/login: the account looked up by email, the password checked against its stored hash, a new
 * session started, and the framework's 200 with its Set-Cookie.
 */
export function login(ctx: AppContext): HttpResponse | null {
  const { session } = ctx.profile;
  const email = (ctx.body.value as { email?: unknown } | null)?.email;
  if (typeof email !== 'string') throw new Error('login-session posts an email');
  const rows = queryDatabase(ctx, { kind: 'userByEmail', email });
  if (isFailed(rows)) return rows.failed;
  if (rows.length === 0) throw new Error(`login-session: no account for ${email}`);
  codeStep(
    ctx,
    'server-password',
    session.verifyMs,
    'Check the password',
    `The handler checks the typed password against the stored hash with ${session.verify}: bcrypt reads the cost (12) and the salt from the hash itself ($2b$12$ then 22 characters of salt), hashes the password the same way (2¹² rounds of its expensive key setup) and compares the results: ${session.verifyMs} ms of one core for this library (measured on a current server’s core). The password itself was never stored, and is not logged.`,
    'Security: a slow, salted hash makes a stolen users table costly to crack: each guess costs about a fifth of a second of a core, for each account separately.',
    'password',
  );
  const cookies = session.login({ random: ctx.rng.hex(64), nowMs: ctx.b.now(), userId: USER.id });
  ctx.session.cookies = cookies;
  const code = codeAt(ctx, 'startSession');
  ctx.b.local(ctx.app, COST_MS.middleware, {
    id: 'server-session-start',
    phase: 'server',
    title: 'Start a session',
    narration: session.starts,
    why: 'Security: a new session id at login stops session fixation, where an attacker plants an id before the victim signs in and uses it after.',
    message: internal(
      `session: ${session.library}`,
      code?.source.split('\n')[code.line - 1]?.trim() ?? session.library,
      code,
    ),
    changes: [{ node: ctx.app, key: 'sessions', value: stored(ctx, cookies) }],
  });
  return respond(ctx, {
    kind: 'session',
    user: SIGNED_IN,
    headers: [...setCookies(cookies.setCookies), ...(session.headers?.(true) ?? [])],
  });
}

/** GET /api/me: the session found from the request's cookie, and the user it holds. */
export function me(ctx: AppContext): HttpResponse | null {
  const { session } = ctx.profile;
  const cookies = ctx.session.cookies;
  if (cookies === null) throw new Error('login-session: /api/me before the login');
  codeStep(
    ctx,
    'server-session-read',
    COST_MS.sessionRead,
    `Find the session from ${session.cookieName}`,
    session.finds,
    session.store === 'memory'
      ? 'Scalability: a session in one process’s memory exists only there: a second app server would not know this user (sticky sessions or a shared store such as Redis fix it), and a restart signs everyone out.'
      : session.store === 'cookie'
        ? 'Scalability: with the session in the cookie every app server can read it, and nothing is stored; the price is a cookie that grows with the session and cannot be revoked before it expires.'
        : 'Scalability: a session in a file on one app server exists only there: a second server needs a shared driver (database or Redis).',
    'readSession',
  );
  const again = session.again({ random: ctx.rng.hex(64), nowMs: ctx.b.now(), userId: USER.id }, cookies);
  return respond(ctx, {
    kind: 'session',
    user: SIGNED_IN,
    headers: [...setCookies(again), ...(session.headers?.(again.length > 0) ?? [])],
  });
}
