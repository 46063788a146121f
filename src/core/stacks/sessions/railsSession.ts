import type { Database } from '../../model/stack.ts';
import { markedSource } from '../markedSource.ts';
import { statementFor } from '../statementFor.ts';
import { base64, hexBytes, utf8 } from './bytes.ts';
import type { SessionDraw, SessionStyle } from './SessionStyle.ts';

/** Rack::Utils.escape (form encoding), which Rails' cookie jar writes a cookie's value with. */
const rackEscape = (value: string): string =>
  encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Bytes standing in for AES-256-GCM's output: as many as it writes, drawn from `hex` (this code runs no AES). */
const drawn = (hex: string, from: number, count: number): Uint8Array => {
  const out = new Uint8Array(count);
  const source = hexBytes(hex);
  for (let i = 0; i < count; i++) out[i] = (source[(from + i) % source.length] ?? 0) ^ (i * 37);
  return out;
};

/**
 * Rails' session cookie from the encrypted cookie store: the session hash (its session_id, 16 random bytes in
 * hex, and what the controller put in) as JSON inside Rails 7.1+'s message envelope, encrypted with
 * AES-256-GCM and written as ciphertext--iv--auth tag in base64 (ActiveSupport::MessageEncryptor; 12-byte
 * iv, 16-byte tag), escaped by Rack::Utils.escape, then Rack 3's set_cookie_header order and lower-case names:
 * path, secure, httponly, samesite (rack/rack lib/rack/utils.rb; the jar adds path "/" and the app's SameSite,
 * Lax, in actionpack's cookies.rb handle_options; secure from config.force_ssl). The ciphertext here is random
 * bytes of the real length, not a real encryption.
 */
export function railsCookie(sessionId: string, { random }: SessionDraw, salt: number): string {
  const plain = JSON.stringify({
    _rails: {
      data: { session_id: sessionId, user: { id: 7, email: 'ada@shop.example', name: 'Ada Lovelace' } },
      pur: 'cookie._shop_session',
    },
  });
  const sealed = [
    drawn(random, salt, utf8(plain).length),
    drawn(random, salt + 7, 12),
    drawn(random, salt + 3, 16),
  ]
    .map(base64)
    .join('--');
  return `_shop_session=${rackEscape(sealed)}; path=/; secure; httponly; samesite=lax`;
}

function find(db: Database): string[] {
  if (db === 'mongodb') return ['    user = MONGO[:users].find(email: params[:email]).first  «query»'];
  return db === 'postgres'
    ? [
        '    user = User.find_by_sql(  «query»',
        `      "${statementFor('findUser', db)}",`,
        '      [params[:email]],',
        '    ).first',
      ]
    : [
        '    user = User.find_by_sql([  «query»',
        `      "${statementFor('findUser', db)}",`,
        '      params[:email],',
        '    ]).first',
      ];
}

const SETUP = [
  '# config/application.rb (an API-only app has no cookies or session until it adds them):',
  '#   config.middleware.use ActionDispatch::Cookies',
  '#   config.middleware.use ActionDispatch::Session::CookieStore, key: "_shop_session"',
  'class SessionsController < ApplicationController',
  '  include ActionController::Cookies',
];

function handler(op: 'login' | 'me', db: Database): string[] {
  if (op === 'me')
    return [
      ...SETUP,
      '  # GET /api/me',
      '  def show  «route»',
      '    user = session[:user]  «readSession»',
      '    return head :unauthorized unless user',
      '    render json: user  «respond»',
      '  end',
      'end',
    ];
  const id = db === 'mongodb' ? 'user["_id"]' : 'user.id';
  const field = (name: string): string => (db === 'mongodb' ? `user["${name}"]` : `user.${name}`);
  return [
    ...SETUP,
    '  # POST /api/login',
    '  def create  «route»',
    ...find(db),
    `    unless user && BCrypt::Password.new(${field('password_hash')}).is_password?(params[:password])  «password»`,
    '      return render json: { error: "Invalid email or password" }, status: :unauthorized',
    '    end',
    '    reset_session  # a new session id: none from before the login survives  «startSession»',
    `    session[:user] = { id: ${id}, email: ${field('email')}, name: ${field('name')} }`,
    '    render json: session[:user]  «respond»',
    '  end',
    'end',
  ];
}

/** Rails' default session store: the whole session, encrypted, in the cookie. */
export const railsSession: SessionStyle = {
  library: 'Rails’ default CookieStore (an encrypted cookie)',
  store: 'cookie',
  verify: 'BCrypt::Password#is_password? from the bcrypt gem (what has_secure_password uses)',
  // Debian's ruby-bcrypt, the bcrypt gem 3.1.18 (crypt_blowfish in C): 200 ms
  verifyMs: 200,
  cookieName: '_shop_session',
  starts:
    'reset_session drops any session from before the login. Rails’ default session store is the cookie itself: the session hash (a session_id and the user) is serialised to JSON and encrypted with AES-256-GCM under a key derived from secret_key_base, then sent as the cookie. The server keeps nothing, so any app server can read it, but the cookie can hold at most 4 KB and a session cannot be revoked on the server (unless configured with a server-side store such as activerecord-session_store or Redis).',
  finds:
    'ActionDispatch decrypts _shop_session with the key from secret_key_base; the GCM tag proves nobody changed it, and the user is in session: no store, no database. Because the request loaded the session, Rails writes the cookie again on the way out, freshly encrypted (a new IV), so its value changes though its content did not.',
  csrf: 'An API-only controller (ActionController::API) has no protect_from_forgery: SameSite=Lax is what keeps a form on another site from posting with this cookie. A full Rails app checks an authenticity token on every POST.',
  login: (draw) => {
    const id = draw.random.slice(0, 32);
    return { setCookies: [railsCookie(id, draw, 0)], id };
  },
  again: (draw, cookies) => [railsCookie(cookies.id ?? '', draw, 11)],
  handler: (op, db) => markedSource('app/controllers/sessions_controller.rb', handler(op, db).join('\n')),
};
