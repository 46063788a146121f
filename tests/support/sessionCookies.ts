import type { Language } from '../../src/core/index.ts';

/**
 * The cookie each stack's framework names its session by, by its own defaults (Laravel's comes with
 * XSRF-TOKEN): what the login-session tests, the core's and the browser's, expect to see set and sent back.
 */
export const SESSION_COOKIE: Readonly<Record<Language, string>> = {
  node: 'connect.sid',
  python: 'session',
  java: 'JSESSIONID',
  ruby: '_shop_session',
  php: 'laravel_session',
  go: 'session',
  cpp: 'JSESSIONID',
};
