import type { Database } from '../../model/stack.ts';
import { httpDate } from '../../protocols/httpDate.ts';
import { markedSource } from '../markedSource.ts';
import { statementFor } from '../statementFor.ts';
import { base64url, hexBytes } from './bytes.ts';
import type { SessionStyle } from './SessionStyle.ts';

const DAY_S = 86_400;

/**
 * alexedwards/scs v2's session cookie: its token (32 random bytes, base64.RawURLEncoding: data.go
 * generateToken), written by WriteSessionCookie as an http.Cookie with Persist's Expires (the expiry rounded
 * up a second) and Max-Age (24 h, scs's default Lifetime), and Go's Cookie.String order: Path, Expires,
 * Max-Age, HttpOnly, Secure, SameSite (scs session.go; net/http cookie.go).
 */
export function scsCookie(token: string, nowMs: number): string {
  const expires = httpDate(Math.floor(nowMs / 1000) * 1000 + (DAY_S + 1) * 1000);
  return `session=${token}; Path=/; Expires=${expires}; Max-Age=${DAY_S}; HttpOnly; Secure; SameSite=Lax`;
}

function find(db: Database): string[] {
  if (db === 'mongodb')
    return ['\terr := users.FindOne(r.Context(), bson.M{"email": body.Email}).Decode(&u) «query»'];
  return [
    `\terr := ${db === 'postgres' ? 'pool.QueryRow' : 'db.QueryRowContext'}(r.Context(), «query»`,
    `\t\t"${statementFor('findUser', db)}", body.Email,`,
    '\t).Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash)',
  ];
}

const SETUP = [
  'var sessions = scs.New() // its default store keeps sessions in memory; Lifetime 24h',
  '',
  'func init() {',
  '\tsessions.Cookie.Secure = true // HttpOnly, Path / and SameSite=Lax are scs defaults',
  '\tgob.Register(SessionUser{})',
  '}',
  '',
  '// main: http.ListenAndServe(":8080", sessions.LoadAndSave(mux))',
];

function handler(op: 'login' | 'me', db: Database): string[] {
  if (op === 'me')
    return [
      ...SETUP,
      'mux.HandleFunc("GET /api/me", func(w http.ResponseWriter, r *http.Request) { «route»',
      '\tuser, ok := sessions.Get(r.Context(), "user").(SessionUser) «readSession»',
      '\tif !ok {',
      '\t\twriteJSON(w, http.StatusUnauthorized, map[string]string{"error": "Not signed in"})',
      '\t\treturn',
      '\t}',
      '\twriteJSON(w, http.StatusOK, user) «respond»',
      '})',
    ];
  return [
    ...SETUP,
    'mux.HandleFunc("POST /api/login", func(w http.ResponseWriter, r *http.Request) { «route»',
    '\tvar body struct{ Email, Password string }',
    '\tjson.NewDecoder(r.Body).Decode(&body)',
    '\tvar u User',
    ...find(db),
    '\tif err != nil || bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(body.Password)) != nil { «password»',
    '\t\twriteJSON(w, http.StatusUnauthorized, map[string]string{"error": "Invalid email or password"})',
    '\t\treturn',
    '\t}',
    '\tif err := sessions.RenewToken(r.Context()); err != nil { // a new token: none from before the login «startSession»',
    '\t\twriteError(w, err)',
    '\t\treturn',
    '\t}',
    '\tuser := SessionUser{ID: u.ID, Email: u.Email, Name: u.Name}',
    '\tsessions.Put(r.Context(), "user", user)',
    '\twriteJSON(w, http.StatusOK, user) «respond»',
    '})',
  ];
}

/** Go's net/http has no sessions: the shop uses alexedwards/scs with its in-memory store. */
export const scsSession: SessionStyle = {
  library: 'alexedwards/scs v2 with its default in-memory store',
  store: 'memory',
  verify: 'bcrypt.CompareHashAndPassword from golang.org/x/crypto/bcrypt',
  // golang.org/x/crypto/bcrypt (Debian's 0.4.0, pure Go) built with Go 1.23: 225 ms
  verifyMs: 225,
  cookieName: 'session',
  starts:
    'net/http has no sessions of its own; scs does it as middleware (LoadAndSave). RenewToken gives the session a new token (32 random bytes) so one planted before the login is worthless, and Put stores the user; after the handler scs saves the session in its memstore, in this process’s memory (scs has stores for Redis, PostgreSQL, MySQL and MongoDB for several app servers), and writes the cookie with Cache-Control: no-cache="Set-Cookie" so no cache keeps it.',
  finds:
    'LoadAndSave reads the session cookie and loads the token’s data from the memstore before the handler runs; the user stored at the login is there. Nothing changed, so no cookie goes out, only the Vary: Cookie scs adds to every response.',
  csrf: 'net/http checks no CSRF token; SameSite=Lax is what keeps a form on another site from posting with this cookie (Go 1.25’s http.CrossOriginProtection can refuse cross-origin POSTs by their Sec-Fetch-Site and Origin headers).',
  login: ({ random, nowMs }) => {
    const token = base64url(hexBytes(random.slice(0, 64)));
    return { setCookies: [scsCookie(token, nowMs)], id: token };
  },
  again: () => [],
  headers: (wroteCookie) => [
    ...(wroteCookie ? [['Cache-Control', 'no-cache="Set-Cookie"'] as const] : []),
    ['Vary', 'Cookie'],
  ],
  handler: (op, db) => markedSource('main.go', handler(op, db).join('\n')),
};
