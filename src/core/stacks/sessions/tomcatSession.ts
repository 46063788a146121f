import type { Database } from '../../model/stack.ts';
import { markedSource } from '../markedSource.ts';
import { statementFor } from '../statementFor.ts';
import type { SessionStyle } from './SessionStyle.ts';

/**
 * Tomcat's session cookie: the id StandardSessionIdGenerator makes (16 random bytes as upper-case hex), and
 * Rfc6265CookieProcessor.generateHeader's order: no Expires or Max-Age for a cookie that lasts the browser
 * session, Path (the context path, "/" for the root), Secure, HttpOnly, SameSite (apache/tomcat main,
 * java/org/apache/tomcat/util/http/Rfc6265CookieProcessor.java). Spring Boot sets Secure and SameSite from
 * server.servlet.session.cookie.*; Tomcat's own default is HttpOnly.
 */
export const jsessionid = (random: string): string =>
  `JSESSIONID=${random.slice(0, 32).toUpperCase()}; Path=/; Secure; HttpOnly; SameSite=Lax`;

function find(db: Database): string[] {
  return db === 'mongodb'
    ? ['    User user = users.find(eq("email", body.email())).first(); «query»']
    : [
        ...(db === 'mysql'
          ? ['    // the JDBC URL has useServerPrepStmts=true: values travel apart from the SQL']
          : []),
        '    User user = jdbc.sql( «query»',
        `            "${statementFor('findUser', db, '?')}")`,
        '        .param(body.email())',
        '        .query(User.class)',
        '        .optional().orElse(null);',
      ];
}

const SETUP = [
  '// application.properties: server.servlet.session.cookie.secure=true',
  '//                         server.servlet.session.cookie.same-site=lax',
  'private final PasswordEncoder passwords = new BCryptPasswordEncoder(); // spring-security-crypto',
  '',
];

function handler(op: 'login' | 'me', db: Database): string[] {
  if (op === 'me')
    return [
      ...SETUP,
      '@GetMapping("/api/me") «route»',
      'SessionUser me(HttpSession session) {',
      '    if (!(session.getAttribute("user") instanceof SessionUser user)) «readSession»',
      '        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);',
      '    return user; «respond»',
      '}',
    ];
  return [
    ...SETUP,
    '@PostMapping("/api/login") «route»',
    'SessionUser login(@RequestBody Login body, HttpServletRequest request) {',
    ...find(db),
    '    if (user == null || !passwords.matches(body.password(), user.passwordHash())) «password»',
    '        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);',
    '    HttpSession old = request.getSession(false);',
    '    if (old != null) old.invalidate(); // never keep an id from before the login',
    '    HttpSession session = request.getSession(true); «startSession»',
    '    SessionUser signedIn = new SessionUser(user.id(), user.email(), user.name());',
    '    session.setAttribute("user", signedIn);',
    '    return signedIn; «respond»',
    '}',
  ];
}

/** Spring Boot on Tomcat: the servlet container's HttpSession, kept in the JVM's memory. */
export const tomcatSession: SessionStyle = {
  library: 'the servlet HttpSession of Spring Boot’s Tomcat (StandardManager, in memory)',
  store: 'memory',
  verify: 'BCryptPasswordEncoder.matches from spring-security-crypto',
  // pure Java: Spring Security's BCrypt is a port of jBCrypt, and Debian's jBCrypt 0.4 on OpenJDK 17 took 242 ms
  verifyMs: 242,
  cookieName: 'JSESSIONID',
  starts:
    'request.getSession(true) makes Tomcat create a session (its StandardManager keeps it in the JVM’s memory for 30 minutes of inactivity, Spring Boot’s default) with a new id, 16 random bytes in hex, and add its JSESSIONID cookie to the response at once. The user goes into the session as an attribute; the cookie carries only the id. Spring Session would move the sessions to Redis or a database (its cookie is then SESSION) so that several app servers share them.',
  finds:
    'Tomcat reads JSESSIONID before the controller runs and finds the session in its in-memory map; the attribute set at the login is there. Nothing changed, so no Set-Cookie goes out.',
  csrf: 'This app has no Spring Security, so nothing checks a CSRF token: SameSite=Lax is what keeps a form on another site from posting with this cookie. With Spring Security, CSRF protection is on by default for every POST (a token in a cookie and a header, CookieCsrfTokenRepository for a page’s JavaScript).',
  login: ({ random }) => ({ setCookies: [jsessionid(random)], id: random.slice(0, 32).toUpperCase() }),
  again: () => [],
  handler: (op, db) => markedSource('AuthController.java', handler(op, db).join('\n')),
};
