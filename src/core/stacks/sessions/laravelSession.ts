import type { Database } from '../../model/stack.ts';
import { httpDate } from '../../protocols/httpDate.ts';
import { markedSource } from '../markedSource.ts';
import { statementFor } from '../statementFor.ts';
import { base64, hexBytes, inSeconds } from './bytes.ts';
import type { PageHolds, SessionDraw, SessionStyle } from './SessionStyle.ts';

const LIFETIME_S = 7200;

/** Bytes standing in for AES-256-CBC's output and its MAC: as many as Laravel writes (this code runs no AES). */
const drawn = (hex: string, from: number, count: number): Uint8Array => {
  const source = hexBytes(hex);
  return Uint8Array.from({ length: count }, (_, i) => (source[(from + i) % source.length] ?? 0) ^ (i * 29));
};
const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A cookie value as EncryptCookies writes it: Encrypter's payload, base64 of the JSON {iv, value, mac, tag}
 * (json_encode with JSON_UNESCAPED_SLASHES; a 16-byte iv; the value's AES-256-CBC ciphertext of the
 * CookieValuePrefix, 40 hex and '|', then the 40-character value: 81 bytes, padded to 96; an HMAC-SHA256 mac
 * in hex; no tag for CBC) (laravel/framework src/Illuminate/Encryption/Encrypter.php, Cookie/CookieValuePrefix.php).
 * The bytes are random of the real lengths, not a real encryption.
 */
function encrypted(random: string, salt: number): string {
  const payload = JSON.stringify({
    iv: base64(drawn(random, salt, 16)),
    value: base64(drawn(random, salt + 5, 96)),
    mac: hex(drawn(random, salt + 9, 32)),
    tag: '',
  });
  return base64(new TextEncoder().encode(payload));
}

/**
 * Symfony's Cookie::__toString (symfony/http-foundation Cookie.php): the value rawurlencoded, expires and
 * Max-Age, path, secure, httponly, samesite, all but Max-Age in lower case. XSRF-TOKEN is not HttpOnly: the
 * page's script must read it.
 */
function setCookie(name: string, value: string, nowMs: number, httpOnly: boolean): string {
  const expires = httpDate(inSeconds(nowMs, LIFETIME_S));
  return `${name}=${encodeURIComponent(value)}; expires=${expires}; Max-Age=${LIFETIME_S}; path=/; secure${httpOnly ? '; httponly' : ''}; samesite=lax`;
}

/**
 * The response's cookies in the order Laravel adds them: ValidateCsrfToken's XSRF-TOKEN (inner middleware),
 * then StartSession's laravel_session, both encrypted by EncryptCookies on the way out.
 */
function cookies({ random, nowMs }: SessionDraw, salt: number): string[] {
  return [
    setCookie('XSRF-TOKEN', encrypted(random, salt), nowMs, false),
    setCookie('laravel_session', encrypted(random, salt + 40), nowMs, true),
  ];
}

/** The cookies the page holds before the login, from GET /sanctum/csrf-cookie when it loaded. */
function before(random: string): PageHolds {
  const token = encrypted(random, 77);
  return {
    cookie: `XSRF-TOKEN=${encodeURIComponent(token)}; laravel_session=${encodeURIComponent(encrypted(random, 91))}`,
    header: ['X-XSRF-TOKEN', token],
  };
}

function find(db: Database): string[] {
  return db === 'mongodb'
    ? ["    $user = DB::table('users')->where('email', $request->input('email'))->first(); «query»"]
    : [
        '    $user = DB::selectOne( «query»',
        `        '${statementFor('findUser', db, '?')}',`,
        "        [$request->input('email')],",
        '    );',
      ];
}

const SETUP = [
  '// routes/web.php: the web group starts the session and checks the CSRF token on every POST.',
  '// .env: SESSION_DRIVER=file, SESSION_SECURE_COOKIE=true, HASH_VERIFY=false (the hashes are $2b$)',
];

function handler(op: 'login' | 'me', db: Database): string[] {
  if (op === 'me')
    return [
      ...SETUP,
      "Route::get('/api/me', function (Request $request) { «route»",
      "    $user = $request->session()->get('user'); «readSession»",
      '    abort_if($user === null, 401);',
      '    return response()->json($user); «respond»',
      '});',
    ];
  return [
    ...SETUP,
    "Route::post('/api/login', function (Request $request) { «route»",
    ...find(db),
    "    if ($user === null || !Hash::check($request->input('password'), $user->password_hash)) { «password»",
    "        return response()->json(['message' => 'Invalid email or password.'], 401);",
    '    }',
    '    $request->session()->regenerate(); // a new session id and a new CSRF token «startSession»',
    `    $request->session()->put('user', ['id' => $user->${db === 'mongodb' ? 'id' : 'id'}, 'email' => $user->email, 'name' => $user->name]);`,
    "    return response()->json($request->session()->get('user')); «respond»",
    '});',
  ];
}

/** Laravel's session: its id in an encrypted cookie, the data in a file; CSRF tokens on every POST. */
export const laravelSession: SessionStyle = {
  library: 'Laravel’s session (file driver) behind its web middleware',
  store: 'file',
  verify: 'Hash::check, PHP’s password_verify with the bcrypt hasher',
  // PHP 8.2.36's password_verify (Solar Designer's crypt_blowfish, in C): 205 ms
  verifyMs: 205,
  cookieName: 'laravel_session',
  starts:
    '$request->session()->regenerate() gives the session a new 40-character id (deleting the old file) and a new CSRF token, then put() stores the user; at the end of the request StartSession writes the session to storage/framework/sessions/<id>. Laravel’s own default driver (config/session.php) is database (a sessions table, one more query per request); this shop sets SESSION_DRIVER=file. EncryptCookies encrypts both cookies with the APP_KEY (AES-256-CBC and an HMAC), so the cookie shows only ciphertext.',
  finds:
    'EncryptCookies decrypts laravel_session, StartSession reads storage/framework/sessions/<id> and the user is back; ValidateCsrfToken lets a GET through without a token. As on every response of the web group, both cookies go out again, freshly encrypted.',
  csrf: 'Laravel checks a CSRF token on every POST of its web routes: the page first fetched GET /sanctum/csrf-cookie, which set the XSRF-TOKEN cookie (not HttpOnly, so the page can read it), and sends its value back in the X-XSRF-TOKEN header; a form on another site can neither read the cookie nor set the header. Without it Laravel answers 419 Page Expired.',
  before,
  login: (draw) => ({ setCookies: cookies(draw, 0), id: draw.random.slice(0, 40) }),
  again: (draw) => cookies(draw, 13),
  handler: (op, db) => markedSource('routes/web.php', handler(op, db).join('\n')),
};
