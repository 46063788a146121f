import { login, me } from '../app/login.ts';
import { loginRequest, nextWithCookie } from '../engine/loginSession.ts';

/** A scenario with `session` (login-session): the login's handler, the cookie stored and sent back. */
export const session = { loginRequest, nextWithCookie, login, me };
