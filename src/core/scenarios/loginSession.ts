import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const loginSession: Scenario = {
  ...baseScenario,
  id: 'login-session',
  title: 'Log in: cookies and sessions',
  teaches:
    'A login POST: the password checked against its bcrypt hash, a session started, Set-Cookie with HttpOnly, Secure and SameSite=Lax; then the next request carries the Cookie and the app finds the session. Where CSRF comes in.',
  seed: 83,
  request: {
    method: 'POST',
    url: 'https://shop.example/api/login',
    headers: [['Content-Type', 'application/json']],
    // Ada's account and password (data/shopData.ts: USER, USER_PASSWORD; loginSession.test.ts checks they agree).
    body: '{"email":"ada@shop.example","password":"correct horse battery staple"}',
  },
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  session: { next: 'https://shop.example/api/me' },
};
