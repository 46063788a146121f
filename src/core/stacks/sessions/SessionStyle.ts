import type { Header } from '../../model/messages.ts';
import type { Database } from '../../model/stack.ts';
import type { HandlerSource } from '../types.ts';

/** Where a framework keeps a session's data between requests. */
export type SessionStore =
  /** In the app server process's memory, found by the id the cookie carries. */
  | 'memory'
  /** In the cookie itself, signed or encrypted: the server keeps nothing. */
  | 'cookie'
  /** In a file per session on the app server's disk, named by the id the cookie carries. */
  | 'file';

/** The cookies a framework sets, as `Set-Cookie` values in the order it writes them. */
export interface SessionCookies {
  readonly setCookies: readonly string[];
  /** The session's id as the store knows it (for a cookie store: none; its data are the cookie). */
  readonly id: string | null;
}

/** What the page already holds before the login: a Cookie header's value and a header its code sends. */
export interface PageHolds {
  readonly cookie: string;
  readonly header: Header;
}

/** What a request needs to make a new session: random bytes (64, as hex) and the clock. */
export interface SessionDraw {
  readonly random: string;
  readonly nowMs: number;
  readonly userId: number;
}

/**
 * How a stack's framework logs a user in and keeps the session: the password check, the cookie it sets, where
 * the session lives, and where CSRF protection comes in. Loaded with the language's profile.
 */
export interface SessionStyle {
  /** The library and its store, in a phrase: "express-session 1.18 with its default MemoryStore". */
  readonly library: string;
  readonly store: SessionStore;
  /** The password check the handler calls, in a phrase: "bcrypt.compare (the bcrypt package)". */
  readonly verify: string;
  /**
   * Milliseconds that library takes to check the shop's cost-12 bcrypt hash: CPU time on one core, the median of
   * 15 checks (5 in each of 3 runs) on this project's machine (AMD EPYC, Debian 12), where the time of the day
   * was noise but CPU time held within a few ms. Each guess an attacker makes costs as much.
   */
  readonly verifyMs: number;
  /** The name of the cookie that carries the session. */
  readonly cookieName: string;
  /** How the handler starts the session, in a sentence or two. */
  readonly starts: string;
  /** How the next request's session is found, in a sentence or two. */
  readonly finds: string;
  /** Where CSRF protection comes in for this framework, in a sentence or two. */
  readonly csrf: string;
  /**
   * Cookies and a header the page holds before it posts the login (Laravel: XSRF-TOKEN and a session from
   * GET /sanctum/csrf-cookie), made from 64 random bytes as hex; absent when the page needs none.
   */
  readonly before?: (random: string) => PageHolds;
  /** The cookies written with the login's answer. */
  login(draw: SessionDraw): SessionCookies;
  /**
   * The cookies written again with a later answer that only read the session (`cookie` is the value the
   * browser sent): none for most frameworks; Starlette, Rails and Laravel write theirs on every response.
   */
  again(draw: SessionDraw, cookies: SessionCookies): readonly string[];
  /**
   * Other headers the session middleware writes (scs: Vary: Cookie on every response, and
   * Cache-Control: no-cache="Set-Cookie" with a cookie); none for most.
   */
  readonly headers?: (wroteCookie: boolean) => readonly Header[];
  /** The login handler and the handler of the next request (`/api/me`). */
  handler(op: 'login' | 'me', db: Database): HandlerSource;
}
