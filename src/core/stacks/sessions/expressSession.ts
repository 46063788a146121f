import type { Database } from '../../model/stack.ts';
import { httpDate } from '../../protocols/httpDate.ts';
import { markedSource } from '../markedSource.ts';
import { statementFor } from '../statementFor.ts';
import { base64, base64url, hexBytes, inSeconds, utf8 } from './bytes.ts';
import { hmac } from './hmac.ts';
import type { SessionStyle } from './SessionStyle.ts';

/** The secret express-session signs its cookie with (SESSION_SECRET in the app's environment). */
export const EXPRESS_SESSION_SECRET = 'shop-session-secret-from-the-environment';

/**
 * express-session 1.18's cookie for session id `sid`: 's:' + cookie-signature's sign (the id, '.', the
 * HMAC-SHA256 of the id under the secret in base64 without '='), written by cookie 0.7's serialize, which
 * URI-encodes the value (so ':' is %3A, '+' %2B, '/' %2F) and orders Path, Expires, HttpOnly, Secure,
 * SameSite (expressjs/session index.js setcookie; jshttp/cookie v0.7.2 index.js serialize).
 */
export function connectSid(sid: string, expires: string): string {
  const signature = base64(hmac('sha256', utf8(EXPRESS_SESSION_SECRET), utf8(sid))).replace(/=+$/, '');
  const value = encodeURIComponent(`s:${sid}.${signature}`);
  return `connect.sid=${value}; Path=/; Expires=${expires}; HttpOnly; Secure; SameSite=Lax`;
}

const DAY_S = 86_400;

function find(db: Database): string[] {
  return db === 'mongodb'
    ? ["  const user = await db.collection('users').findOne({ email }); «query»"]
    : [
        `  const ${db === 'postgres' ? '{ rows }' : '[rows]'} = await pool.${db === 'postgres' ? 'query' : 'execute'}( «query»`,
        `    '${statementFor('findUser', db)}',`,
        '    [email],',
        '  );',
        '  const user = rows[0];',
      ];
}

const SETUP = [
  "app.set('trust proxy', 1); // behind nginx: X-Forwarded-Proto says https",
  'app.use(session({',
  '  secret: process.env.SESSION_SECRET,',
  '  resave: false,',
  '  saveUninitialized: false,',
  `  cookie: { secure: true, sameSite: 'lax', maxAge: ${DAY_S * 1000} }, // httpOnly and path '/' by default`,
  '}));',
  '',
];

function handler(op: 'login' | 'me', db: Database): string[] {
  if (op === 'me')
    return [
      ...SETUP,
      "app.get('/api/me', (req, res) => { «route»",
      '  const { user } = req.session; «readSession»',
      "  if (!user) return res.status(401).json({ error: 'Not signed in' });",
      '  res.json(user); «respond»',
      '});',
    ];
  return [
    ...SETUP,
    "app.post('/api/login', async (req, res, next) => { «route»",
    '  const { email, password } = req.body;',
    ...find(db),
    '  if (!user || !(await bcrypt.compare(password, user.password_hash))) { «password»',
    "    return res.status(401).json({ error: 'Invalid email or password' });",
    '  }',
    '  req.session.regenerate((err) => { «startSession»',
    '    if (err) return next(err);',
    `    req.session.user = { id: user.${db === 'mongodb' ? '_id' : 'id'}, email: user.email, name: user.name };`,
    '    res.json(req.session.user); «respond»',
    '  });',
    '});',
  ];
}

/** Express with express-session and its default store, which keeps sessions in the process's memory. */
export const expressSession: SessionStyle = {
  library: 'express-session 1.18 with its default MemoryStore',
  store: 'memory',
  verify: 'bcrypt.compare from the bcrypt package (node.bcrypt.js)',
  // bcrypt 6.0.0 from npm (its C++ binding): 206 ms; bcryptjs 3.0.3, pure JavaScript, would take 277
  verifyMs: 206,
  cookieName: 'connect.sid',
  starts:
    'req.session.regenerate() gives the session a new id (uid-safe, 24 random bytes), so an id planted before the login is worthless; the user goes into the session object, which the MemoryStore keeps in this process’s memory. express-session’s README says the MemoryStore is not for production (it leaks and is lost on a restart, and a second process cannot see it): a real deployment plugs in a store such as connect-redis here. The cookie carries only the id, signed with HMAC-SHA256 so a forged id is refused.',
  finds:
    'Before any route runs, express-session reads connect.sid, checks its HMAC signature, and looks the id up in the MemoryStore: the user it stored at the login is back in req.session. The session was not changed, so no Set-Cookie goes out (resave: false; the cookie’s Expires counts from the login).',
  csrf: 'Express has no CSRF protection of its own (the csurf package is deprecated): SameSite=Lax is what keeps a form on another site from posting with this cookie.',
  login: ({ random, nowMs }) => {
    const sid = base64url(hexBytes(random.slice(0, 48)));
    return { setCookies: [connectSid(sid, httpDate(inSeconds(nowMs, DAY_S)))], id: sid };
  },
  again: () => [],
  handler: (op, db) => markedSource('app.js', handler(op, db).join('\n')),
};
