import type { Database } from '../../model/stack.ts';
import { markedSource } from '../markedSource.ts';
import { statementFor } from '../statementFor.ts';
import type { SessionStyle } from './SessionStyle.ts';

/**
 * Drogon's session cookie (drogonframework/drogon master): JSESSIONID with the id utils::getUuid(true) makes
 * (32 lower-case hex digits), Path "/" and the configured SameSite, set by handleSessionForResponse
 * (HttpAppFrameworkImpl.cc); Cookie::cookieString writes Path, SameSite, then HttpOnly (Cookie's default). No
 * setting makes this cookie Secure (the Cookie it builds keeps secure_ false), and it has no Max-Age unless
 * session_max_age is set. Drogon writes the header as "Set-Cookie" although its other names are lower case.
 */
export const drogonCookie = (random: string): string =>
  `JSESSIONID=${random.slice(0, 32)}; Path=/; SameSite=Lax; HttpOnly`;

function find(db: Database): string[] {
  if (db === 'mongodb')
    return [
      '    auto client = mongo.acquire(); // a client from the mongocxx::pool',
      '    auto doc = (*client)["shop"]["users"].find_one(make_document(kvp("email", email))); «query»',
      '    Json::Value user = doc ? userJson(doc->view()) : Json::Value(); // id, email, name, password_hash',
      '    if (!doc || !bcrypt::validatePassword(password, user["password_hash"].asString())) «password»',
      '        co_return unauthorized("Invalid email or password");',
      '    user.removeMember("password_hash");',
    ];
  return [
    '    auto rows = co_await app().getDbClient()->execSqlCoro( «query»',
    `        "${statementFor('findUser', db)}",`,
    '        email);',
    '    if (rows.empty() || «password»',
    '        !bcrypt::validatePassword(password, rows[0]["password_hash"].as<std::string>()))',
    '        co_return unauthorized("Invalid email or password");',
    '    Json::Value user = userJson(rows[0]); // id, email, name',
  ];
}

const SETUP = [
  '// config.json: "enable_session": true, "session_timeout": 3600, "session_same_site": "Lax"',
  '// Drogon has no password hashing of its own: the shop links trusch/libbcrypt.',
];

function handler(op: 'login' | 'me', db: Database): string[] {
  if (op === 'me')
    return [
      ...SETUP,
      'METHOD_LIST_BEGIN',
      'ADD_METHOD_TO(Products::me, "/api/me", Get); «route»',
      'METHOD_LIST_END',
      'Task<HttpResponsePtr> me(HttpRequestPtr req) {',
      '    auto user = req->session()->getOptional<Json::Value>("user"); «readSession»',
      '    if (!user) co_return unauthorized("Not signed in");',
      '    co_return HttpResponse::newHttpJsonResponse(*user); «respond»',
      '}',
    ];
  return [
    ...SETUP,
    'METHOD_LIST_BEGIN',
    'ADD_METHOD_TO(Products::login, "/api/login", Post); «route»',
    'METHOD_LIST_END',
    'Task<HttpResponsePtr> login(HttpRequestPtr req) {',
    '    auto in = req->getJsonObject();',
    '    auto email = (*in)["email"].asString(), password = (*in)["password"].asString();',
    ...find(db),
    '    req->session()->changeSessionIdToClient(); // a new id: none from before the login «startSession»',
    '    req->session()->insert("user", user);',
    '    co_return HttpResponse::newHttpJsonResponse(user); «respond»',
    '}',
  ];
}

/** Drogon's own sessions: kept in the server's memory, found by the JSESSIONID cookie. */
export const drogonSession: SessionStyle = {
  library: 'Drogon’s built-in sessions (enable_session, kept in memory)',
  store: 'memory',
  verify: 'bcrypt::validatePassword from trusch/libbcrypt (Drogon has no password hashing)',
  // libbcrypt wraps crypt_blowfish, the C code PHP's and the bcrypt gem's checks run (205 and 200 ms)
  verifyMs: 205,
  cookieName: 'JSESSIONID',
  starts:
    'With enable_session, Drogon gives every request without a JSESSIONID a session in its SessionManager, a map in the server’s memory (session_timeout: 3600 s here); changeSessionIdToClient() swaps the id for a new one so none from before the login survives, and insert() stores the user. The cookie carries only the id. Drogon’s session cookie is HttpOnly and SameSite=Lax as configured, but no setting makes it Secure: over HTTPS only thanks to HSTS, or nginx’s proxy_cookie_flags could add it.',
  finds:
    'Drogon reads JSESSIONID before the handler runs and finds the session in its in-memory map; the user inserted at the login is there. The session already has its cookie, so none goes out.',
  csrf: 'Drogon checks no CSRF token: SameSite=Lax is what keeps a form on another site from posting with this cookie.',
  login: ({ random }) => ({ setCookies: [drogonCookie(random)], id: random.slice(0, 32) }),
  again: () => [],
  handler: (op, db) => markedSource('Products.h', handler(op, db).join('\n')),
};
