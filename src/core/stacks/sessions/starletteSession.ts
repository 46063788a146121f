import type { Database } from '../../model/stack.ts';
import { sha1 } from '../../protocols/sha1.ts';
import { unixSeconds } from '../../protocols/worldTime.ts';
import { markedSource } from '../markedSource.ts';
import { statementFor } from '../statementFor.ts';
import { base64, base64url, utf8 } from './bytes.ts';
import { hmac } from './hmac.ts';
import type { SessionDraw, SessionStyle } from './SessionStyle.ts';

/** The secret_key SessionMiddleware is given (SECRET_KEY in the app's environment). */
export const STARLETTE_SECRET_KEY = 'shop-secret-key-from-the-environment';

/** What the login puts in request.session, which Starlette keeps as JSON in the cookie itself. */
export const STARLETTE_SESSION = { user: { id: 7, email: 'ada@shop.example', name: 'Ada Lovelace' } };

/**
 * itsdangerous 2's TimestampSigner.sign: the value, '.', the time (big-endian bytes, base64url), '.', the
 * HMAC-SHA1 of both under the key derived by django-concat (SHA-1 of the salt "itsdangerous.Signer", "signer"
 * and the secret), base64url without padding.
 */
function timestampSign(value: string, seconds: number): string {
  const bytes: number[] = [];
  for (let n = seconds; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  const stamped = `${value}.${base64url(new Uint8Array(bytes))}`;
  const key = sha1(utf8(`itsdangerous.Signersigner${STARLETTE_SECRET_KEY}`));
  return `${stamped}.${base64url(hmac('sha1', key, utf8(stamped)))}`;
}

/**
 * Starlette's SessionMiddleware cookie (starlette/middleware/sessions.py, checked against Debian's 0.26.1 and
 * encode/starlette's main): base64 of json.dumps(session), signed with a timestamp; path, Max-Age (14 days by
 * default), then its flags in lower case: httponly, samesite, and secure with https_only=True.
 */
export function starletteCookie({ nowMs }: SessionDraw): string {
  // json.dumps with its default separators: ', ' and ': '.
  const json = JSON.stringify(STARLETTE_SESSION).replace(/,"/g, ', "').replace(/":/g, '": ');
  const data = timestampSign(base64(utf8(json)), unixSeconds(nowMs));
  return `session=${data}; path=/; Max-Age=1209600; httponly; samesite=lax; secure`;
}

function find(db: Database): string[] {
  return db === 'mongodb'
    ? ['    user = await db.users.find_one({"email": body.email})  «query»']
    : db === 'postgres'
      ? [
          '    user = await pool.fetchrow(  «query»',
          `        "${statementFor('findUser', db)}", body.email`,
          '    )',
        ]
      : [
          '    with pool.get_connection() as conn, conn.cursor(prepared=True, dictionary=True) as cur:  «checkout»',
          '        cur.execute(  «query»',
          `            "${statementFor('findUser', db)}",`,
          '            (body.email,),',
          '        )',
          '        user = cur.fetchone()',
        ];
}

const SETUP = [
  'app.add_middleware(',
  '    SessionMiddleware, secret_key=os.environ["SECRET_KEY"],',
  '    same_site="lax", https_only=True,  # cookie "session", 14 days',
  ')',
  '',
];

function handler(op: 'login' | 'me', db: Database): string[] {
  if (op === 'me')
    return [
      ...SETUP,
      '@app.get("/api/me")  «route»',
      'def me(request: Request):',
      '    user = request.session.get("user")  «readSession»',
      '    if user is None:',
      '        raise HTTPException(status_code=401, detail="Not signed in")',
      '    return user  «respond»',
    ];
  return [
    ...SETUP,
    '@app.post("/api/login")  «route»',
    // MySQL Connector/Python's prepared cursor is synchronous: FastAPI runs a plain def in its thread pool.
    `${db === 'mysql' ? 'def' : 'async def'} login(body: Login, request: Request):`,
    ...find(db),
    '    if user is None or not bcrypt.checkpw(  «password»',
    '        body.password.encode(), user["password_hash"].encode()',
    '    ):',
    '        raise HTTPException(status_code=401, detail="Invalid email or password")',
    '    request.session.clear()  «startSession»',
    `    request.session["user"] = {"id": user["${db === 'mongodb' ? '_id' : 'id'}"], "email": user["email"], "name": user["name"]}`,
    '    return request.session["user"]  «respond»',
  ];
}

/** FastAPI with Starlette's SessionMiddleware: the session is the cookie, signed, not encrypted. */
export const starletteSession: SessionStyle = {
  library: 'Starlette’s SessionMiddleware (a signed cookie)',
  store: 'cookie',
  verify:
    'bcrypt.checkpw from the bcrypt package (FastAPI’s tutorial now uses pwdlib with Argon2; this shop’s hashes are bcrypt)',
  // Debian's python3-bcrypt 3.2.2 (C): 205 ms
  verifyMs: 205,
  cookieName: 'session',
  starts:
    'Starlette’s SessionMiddleware keeps no session on the server: the session dict itself, as JSON in base64, becomes the cookie, with a timestamp and an HMAC-SHA1 signature (itsdangerous) that stops anyone changing it. Signed is not encrypted: anyone holding the cookie can decode the user’s id, email and name, so nothing secret goes in.',
  finds:
    'SessionMiddleware checks the cookie’s signature and its age (at most Max-Age, 14 days), decodes the JSON, and the user is in request.session: no store, no database. Because the session is not empty, the middleware writes the cookie again with a fresh timestamp on every response.',
  csrf: 'FastAPI and Starlette have no CSRF protection of their own: SameSite=Lax is what keeps a form on another site from posting with this cookie.',
  login: (draw) => ({ setCookies: [starletteCookie(draw)], id: null }),
  again: (draw) => [starletteCookie(draw)],
  handler: (op, db) => markedSource('main.py', handler(op, db).join('\n')),
};
