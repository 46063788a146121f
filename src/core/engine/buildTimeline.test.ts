import { describe, expect, it } from 'vitest';
import {
  DATABASES,
  LANGUAGES,
  SCENARIOS,
  buildTimeline,
  scenarioById,
  stackFit,
  unavailableReason,
} from '../index.ts';
import type { Scenario, Stack, Timeline } from '../index.ts';
import { manyRequests } from '../../../tests/support/manyRequests.ts';

const STACKS: Stack[] = LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db })));
const get = (id: string): Scenario => {
  const s = scenarioById(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};
const build = (id: string, stack: Stack = { lang: 'node', db: 'postgres' }): Timeline =>
  buildTimeline(get(id), stack);
const visits = (t: Timeline, node: string): boolean => t.steps.some((s) => s.from === node || s.to === node);
const ids = (t: Timeline): string[] => t.steps.map((s) => s.id);

describe('buildTimeline', () => {
  it('offers every scenario of PRODUCT.md §3 and issue 14 by its id', () => {
    expect(SCENARIOS.map((s) => s.id).sort()).toEqual(
      [
        'first-visit',
        'repeat-visit',
        'plain-http',
        'not-found',
        'unauthorized',
        'invalid-input',
        'post-create',
        'login-session',
        'slow-query',
        'indexed-query',
        'cache-miss',
        'cache-hit',
        'cdn-hit',
        'nxdomain',
        'expired-certificate',
        'database-down',
        // issue 12
        'database-unreachable',
        'pool-exhausted',
        // issue 14
        'far-away',
        'far-away-cdn',
        'load-balanced',
        'kubernetes',
        'rolling-deploy',
        'server-error',
        'bad-gateway',
        // issue 12
        'rate-limited',
        'tls-resumption',
        'http2',
        'browser-cache-hit',
        'redirect-https',
        'cors-preflight',
        'compressed',
      ].sort(),
    );
  });

  it('is deterministic: the same scenario and stack give the same JSON, byte for byte', () => {
    for (const s of SCENARIOS) {
      const stack = stackFit(s, STACKS[4]!).stack;
      expect(JSON.stringify(buildTimeline(s, stack))).toBe(JSON.stringify(buildTimeline(s, stack)));
    }
  });

  describe.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    const shown = STACKS.filter((s) => unavailableReason(scenario, s) === null);
    it.each(shown.map((s) => [`${s.lang}+${s.db}`, s] as const))('is well formed on %s', (_name, stack) => {
      const t = buildTimeline(scenario, stack);
      const nodes = new Set(t.nodes.map((n) => n.id));
      expect(t.steps.length).toBeGreaterThan(3);
      t.steps.forEach((s, i) => {
        expect(s.index).toBe(i);
        expect(nodes.has(s.from) && nodes.has(s.to)).toBe(true);
        expect(s.durationMs).toBeGreaterThan(0);
        if (i > 0) expect(s.startMs).toBeGreaterThanOrEqual(t.steps[i - 1]!.startMs);
        expect(s.narration.length).toBeGreaterThan(20);
        expect(s.message.text.length).toBeGreaterThan(0);
        if (s.from !== s.to)
          expect(
            t.links.some((l) => (l.from === s.from && l.to === s.to) || (l.from === s.to && l.to === s.from)),
          ).toBe(true);
      });
      expect(new Set(ids(t)).size).toBe(t.steps.length);
      expect(t.steps.at(-1)!.to).toBe('browser');
      expect(t.totalMs).toBeCloseTo(Math.max(...t.steps.map((s) => s.startMs + s.durationMs)), 3);
    });
  });

  it('first visit walks the whole way: DNS from the root, TCP, TLS, proxy, handler, database and back', () => {
    const t = build('first-visit');
    expect(ids(t)).toEqual(
      expect.arrayContaining([
        'dns-query-root',
        'dns-root-referral',
        'dns-tld-referral',
        'dns-authoritative-answer',
        'tcp-syn',
        'tcp-syn-ack',
        'tcp-ack',
        'tls-client-hello',
        'tls-server-hello',
        'tls-certificate',
        'tls-client-finished',
        'http-request',
        'proxy-forward',
        'server-route',
        'db-checkout',
        'db-query',
        'db-query-result',
        'db-release',
        'app-response-200',
        'http-response-200',
        'browser-render',
      ]),
    );
    expect(t.outcome).toMatchObject({ ok: true, status: 200 });
    const order = (id: string): number => ids(t).indexOf(id);
    expect(order('tcp-syn')).toBeLessThan(order('tls-client-hello'));
    expect(order('tls-client-finished')).toBeLessThan(order('http-request'));
    expect(order('db-query-result')).toBeLessThan(order('http-response-200'));
  });

  it('the TLS server flight overlaps in time: several packets are on the wire at once', () => {
    const t = build('first-visit');
    const hello = t.steps.find((s) => s.id === 'tls-server-hello')!;
    const cert = t.steps.find((s) => s.id === 'tls-certificate')!;
    expect(cert.startMs).toBeLessThan(hello.startMs + hello.durationMs);
  });

  it('durations come from link latencies: a slower link makes the DNS hop longer', () => {
    const t = build('first-visit');
    const root = t.steps.find((s) => s.id === 'dns-query-root')!;
    const link = t.links.find((l) => l.from === 'resolver' && l.to === 'root')!;
    expect(root.durationMs).toBe(link.latencyMs);
  });

  it('repeat visit reuses DNS and the connection and gets 304 for its ETag', () => {
    const t = build('repeat-visit');
    expect(ids(t).some((id) => id.startsWith('dns-') || id.startsWith('tcp-') || id.startsWith('tls-'))).toBe(
      false,
    );
    expect(t.outcome.status).toBe(304);
  });

  it('plain HTTP has no TLS steps and goes to port 80', () => {
    const t = build('plain-http');
    expect(ids(t).some((id) => id.startsWith('tls-'))).toBe(false);
    const syn = t.steps.find((s) => s.id === 'tcp-syn')!;
    expect(syn.message.protocol === 'tcp' && syn.message.tcp.dstPort).toBe(80);
  });

  it('an unknown route is answered 404 by the router, never reaching the database', () => {
    const t = build('not-found');
    expect(t.outcome.status).toBe(404);
    expect(visits(t, 'db')).toBe(false);
  });

  it('a missing token is stopped by the auth middleware with 401 and WWW-Authenticate', () => {
    const t = build('unauthorized');
    expect(t.outcome.status).toBe(401);
    expect(visits(t, 'db')).toBe(false);
    expect(ids(t)).not.toContain('server-validate');
    const res = t.steps.find((s) => s.id === 'http-response-401')!;
    expect(res.message.text).toContain('WWW-Authenticate: Bearer');
  });

  it('invalid input is rejected with 422 before any SQL runs', () => {
    const t = build('invalid-input');
    expect(t.outcome.status).toBe(422);
    expect(visits(t, 'db')).toBe(false);
    expect(t.steps.at(-2)!.message.text).toContain('"field":"rating"');
  });

  it('a POST inserts inside a transaction and answers 201 with a Location', () => {
    const t = build('post-create');
    expect(ids(t)).toEqual(expect.arrayContaining(['db-begin', 'db-query', 'db-commit']));
    expect(t.outcome.status).toBe(201);
    expect(t.steps.find((s) => s.id === 'http-response-201')!.message.text).toContain(
      'Location: /api/products/42/reviews/1201',
    );
    const mongo = build('post-create', { lang: 'go', db: 'mongodb' });
    expect(ids(mongo)).not.toContain('db-begin');
  });

  it('the slow query scans every row and takes longer than the indexed one', () => {
    const slow = build('slow-query');
    const fast = build('indexed-query');
    const exec = (t: Timeline) => t.steps.find((s) => s.id === 'db-execute')!;
    expect(exec(slow).message.text).toContain('Parallel Seq Scan on products');
    expect(exec(fast).message.text).toContain('Index Scan using products_sku_idx');
    expect(exec(slow).durationMs).toBeGreaterThan(exec(fast).durationMs * 10);
  });

  it('a cache hit answers without the database; a miss reads it and stores the result', () => {
    const hit = build('cache-hit');
    const miss = build('cache-miss');
    expect(visits(hit, 'db')).toBe(false);
    expect(ids(hit)).toContain('cache-hit');
    expect(ids(miss)).toEqual(expect.arrayContaining(['cache-miss', 'db-query', 'cache-set']));
    expect(hit.totalMs).toBeLessThan(miss.totalMs);
  });

  it('a CDN hit is served by the edge; the origin never sees the request', () => {
    const t = build('cdn-hit');
    expect(visits(t, 'proxy')).toBe(false);
    expect(visits(t, 'app')).toBe(false);
    // over HTTP/2 (issue 12 item 14): the edge's HEADERS frame, names lower case
    const response = t.steps.find((s) => s.id === 'http-response-200')!;
    expect(response.message.protocol).toBe('http2');
    expect(response.message.text).toContain('x-cache: HIT');
  });

  it('a mistyped name ends in NXDOMAIN at the browser, with no connection', () => {
    const t = build('nxdomain');
    expect(t.outcome).toMatchObject({ ok: false, status: null });
    expect(ids(t)).toContain('dns-tld-nxdomain');
    expect(ids(t).some((id) => id.startsWith('tcp-'))).toBe(false);
  });

  it('an expired certificate stops the handshake: no HTTP request is sent', () => {
    const t = build('expired-certificate');
    expect(ids(t)).toContain('tls-alert');
    expect(ids(t)).not.toContain('http-request');
    expect(t.outcome.ok).toBe(false);
  });

  it('a database process that died is refused at once: the app answers 500 in milliseconds', () => {
    const t = build('database-down');
    expect(ids(t)).toEqual(expect.arrayContaining(['db-syn', 'db-rst', 'server-exception']));
    expect(t.outcome.status).toBe(500);
    expect(t.totalMs).toBeLessThan(100);
  });

  it('a database machine that vanished becomes a 504 at the proxy after its timeout', () => {
    const t = build('database-unreachable');
    const timeout = t.steps.find((s) => s.id === 'proxy-timeout')!;
    const forward = t.steps.find((s) => s.id === 'proxy-forward')!;
    expect(timeout.startMs - forward.startMs).toBeCloseTo(3000, 0);
    expect(t.outcome.status).toBe(504);
    expect(ids(t)).not.toContain('app-response-200');
  });

  it('each stack changes the handler code and the query, and the journey only by its driver’s round trips', () => {
    const a = build('first-visit', { lang: 'node', db: 'postgres' });
    const b = build('first-visit', { lang: 'python', db: 'mysql' });
    const prepareSteps = ['db-query-prepare', 'db-query-prepare-result', 'db-query-close'];
    expect(ids(b).filter((id) => !prepareSteps.includes(id))).toEqual(ids(a));
    expect(ids(b)).toEqual(expect.arrayContaining(prepareSteps));
    expect(ids(build('first-visit', { lang: 'node', db: 'mysql' }))).toEqual(ids(a));
    const t = (tl: Timeline, id: string) => tl.steps.find((s) => s.id === id)!.message.text;
    const query = (tl: Timeline) => t(tl, 'db-query');
    expect(query(a)).toContain('$1');
    expect(t(b, 'db-query-prepare')).toContain('?');
    expect(query(b)).toBe('statement_id: 1, parameters: [42]');
    expect(
      build('first-visit', { lang: 'go', db: 'mongodb' }).steps.find((s) => s.id === 'db-query')!.message
        .text,
    ).toBe(
      "{ find: 'products', filter: { _id: 42 }, limit: 1, singleBatch: true, $db: 'shop' }\n// in mongosh: db.products.findOne({ _id: 42 })",
    );
    const framework = (t: Timeline): string | undefined => {
      const m = t.steps.find((s) => s.id === 'server-route')!.message;
      return m.protocol === 'internal' ? m.code?.framework : undefined;
    };
    expect(framework(a)).toMatch(/Express/);
    expect(framework(b)).toMatch(/FastAPI/);
  });

  it('repeats a request over one connection: the first misses the cache, the rest hit it', () => {
    const t = buildTimeline(manyRequests(5), { lang: 'node', db: 'postgres' });
    expect(ids(t).filter((id) => id.startsWith('http-request'))).toHaveLength(5);
    expect(ids(t).filter((id) => id.startsWith('cache-miss'))).toHaveLength(1);
    expect(ids(t).filter((id) => id.startsWith('cache-hit'))).toHaveLength(4);
    expect(ids(t).filter((id) => id.startsWith('tcp-syn'))).toHaveLength(0);
    const ten = buildTimeline(manyRequests(10), { lang: 'node', db: 'postgres' });
    const hundred = buildTimeline(manyRequests(100), { lang: 'node', db: 'postgres' });
    expect(hundred.steps.length - ten.steps.length).toBe((90 * (ten.steps.length - t.steps.length)) / 5);
  });
});
