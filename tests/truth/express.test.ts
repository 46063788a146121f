// Express's half of every response the Node stack shows, on a real Express 5 (and express-session 1.18 for
// the login), with NODE_ENV's production: each journey's forwarded request goes byte for byte to an app that
// does what the shown handler does — res.set and res.type('json').send for a product (req.fresh for a 304),
// res.location, res.set and res.status(…).json for the rest, a TypeError for a handler that throws, nothing
// for a path no route matches — and the head Express and Node write must be the step's, in order and case
// (only Date's value and the session cookie's random id and expiry differ), with the same body.
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { HttpResponse } from '../../src/core/index.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { EXPRESS_SESSION_SECRET } from '../../src/core/stacks/sessions/expressSession.ts';
import { appExchanges, exchangeRaw } from './loopback.ts';

declare module 'express-session' {
  interface SessionData {
    user: unknown;
  }
}

const exchanges = appExchanges('node');
let shown: HttpResponse | null = null;

const header = (response: HttpResponse, name: string): string | undefined =>
  response.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

/** The shown handler's moves for the answer it gave. */
function handle(req: Request, res: Response, next: NextFunction): void {
  const r = shown!;
  if (/^text\/html/.test(header(r, 'Content-Type') ?? '')) {
    if (r.status !== 500) return next(); // no route: finalhandler's 404 (a body express.json refused never gets here)
    const fields = req.query['fields'] as unknown as string; // the bug: ?fields= is missing
    fields.split(',');
  }
  const tag = header(r, 'ETag');
  if (tag !== undefined && !tag.startsWith('W/')) {
    res.set({ 'Cache-Control': header(r, 'Cache-Control') ?? '', ETag: tag });
    if (req.fresh) return void res.status(304).end();
    return void res.type('json').send(r.body);
  }
  if (header(r, 'Set-Cookie') !== undefined) {
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.user = JSON.parse(r.body) as unknown;
      res.json(req.session.user);
    });
    return;
  }
  const location = header(r, 'Location');
  if (location !== undefined) res.location(location);
  const challenge = header(r, 'WWW-Authenticate');
  if (challenge !== undefined) res.set('WWW-Authenticate', challenge);
  res.status(r.status).json(JSON.parse(r.body));
}

const app = express();
app.set('env', 'production');
app.set('trust proxy', 1);
app.use(express.json());
app.use(
  session({
    secret: EXPRESS_SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true, sameSite: 'lax', maxAge: 86_400_000 },
  }),
);
// The rolling deploy's middleware naming the build.
app.use((_req, res, next) => {
  const commit = header(shown!, 'X-Git-Commit');
  if (commit !== undefined) res.set('X-Git-Commit', commit);
  next();
});
app.use(handle);

/** What differs between two runs: Date, and the session's random id and its expiry. */
const comparable = (lines: readonly string[]): string[] =>
  lines.map((l) =>
    /^date: /i.test(l)
      ? 'Date: (now)'
      : l.replace(/^(set-cookie: connect\.sid=)[^;]+(.*; Expires=)[^;]+/i, '$1(sid)$2(expiry)'),
  );

describe('the Express app’s responses on a real Express 5', () => {
  let server: Server;
  let port = 0;
  // Express logs an error's stack with console.error (application.js logerror), after the response.
  const logged: string[] = [];
  const errors = vi.spyOn(console, 'error').mockImplementation((s: unknown) => void logged.push(String(s)));
  beforeAll(async () => {
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    errors.mockRestore();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('covers every journey that reaches the app', () => {
    expect(exchanges.length).toBeGreaterThanOrEqual(11 * 3);
  });

  it('Express writes each head in the step’s order (ETag after Content-Length from res.json) and the same body', async () => {
    for (const { where, request, response } of exchanges) {
      shown = response;
      const got = await exchangeRaw(port, serializeHttp(request));
      const head = serializeHttp(response).split('\r\n\r\n')[0]!.split('\r\n');
      expect(comparable(got.head), where).toEqual(comparable(head));
      expect(got.body.toString('utf8'), where).toBe(response.body);
    }
  });

  it('a handler that throws: Express logs the TypeError the step shows', async () => {
    const crash = exchanges.find((e) => e.where.startsWith('server-error'))!;
    shown = crash.response;
    logged.length = 0;
    await exchangeRaw(port, serializeHttp(crash.request));
    await new Promise((r) => setTimeout(r, 50));
    const t = buildTimeline(scenarioById('server-error')!, { lang: 'node', db: 'postgres' });
    const log = t.steps.find((s) => s.id === 'server-exception')!.message.text;
    expect(logged[0]?.split('\n')[0]).toBe(log.split('\n')[0]);
  });
});
