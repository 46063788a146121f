import { describe, expect, it } from 'vitest';
import { SQL } from '../data/sqlExchanges.ts';
import { httpRequest } from '../protocols/http.ts';
import { jsonBody } from '../protocols/jsonBody.ts';
import type { Answer } from './frameworks/Framework.ts';
import { buildTimeline } from '../engine/buildTimeline.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import type { Database, Language } from '../model/stack.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { unavailableReason } from '../model/stackFit.ts';
import { REDIS } from '../world/world.ts';
import { driverNarration } from './driverNarration.ts';
import { LANGUAGE_INFO } from './languageInfo.ts';
import { LANGUAGE_PROFILES, languageProfile } from './languages.ts';
import type { CodeMark, HandlerOp, HandlerSource } from './types.ts';

const OPS: readonly HandlerOp[] = ['getProduct', 'findBySku', 'createReview', 'listProducts'];

interface Case {
  readonly lang: Language;
  readonly db: Database;
  readonly op: HandlerOp;
  readonly cached: boolean;
  readonly name: string;
  readonly handler: HandlerSource;
}

/** Every handler the engine can ask for: language × database × operation, and getProduct with and without Redis. */
const CASES: readonly Case[] = LANGUAGES.flatMap((lang) =>
  DATABASES.flatMap((db) =>
    OPS.flatMap((op) =>
      (op === 'getProduct' ? [false, true] : [false]).map((cached) => ({
        lang,
        db,
        op,
        cached,
        name: `${lang} ${db} ${op}${cached ? ' cached' : ''}`,
        handler: languageProfile(lang).handler(op, db, cached),
      })),
    ),
  ),
);

/**
 * The marks the engine asks for on an operation's code paths (checkout is optional: drivers often hide it).
 * `badId` marks where the code states or checks the id's rule, unless the route itself constrains it.
 */
function expectedMarks(op: HandlerOp, db: Database, cached: boolean, lang: Language): CodeMark[] {
  const badId: CodeMark[] = languageProfile(lang).routing.id.refusedBy === 'router' ? [] : ['badId'];
  switch (op) {
    case 'getProduct':
      return [
        'route',
        ...badId,
        ...(cached ? (['cacheGet', 'cacheSet'] as const) : []),
        'query',
        'notFound',
        'notModified',
        'respond',
      ];
    case 'findBySku':
    case 'listProducts':
      return ['route', 'query', 'respond'];
    case 'login':
      return ['route', 'query', 'password', 'startSession', 'respond'];
    case 'me':
      return ['route', 'readSession', 'respond'];
    case 'createReview':
      return [
        'route',
        ...badId,
        'auth',
        'validate',
        'lookup',
        'notFound',
        ...(db === 'mongodb' ? [] : (['begin', 'commit'] as const)),
        'query',
        'respond',
      ];
  }
}

/** Pairs of marks whose lines must come in this order, where both exist: the order the engine runs them. */
function order(op: HandlerOp): (readonly [CodeMark, CodeMark])[] {
  const common = [
    ['query', 'respond'],
    ['notModified', 'respond'],
  ] as const;
  if (op === 'login')
    return [
      ['route', 'query'],
      ['query', 'password'],
      ['password', 'startSession'],
      ['startSession', 'respond'],
    ];
  if (op === 'me') return [['readSession', 'respond']];
  return op === 'createReview'
    ? [
        ...common,
        ['route', 'badId'],
        ['badId', 'lookup'],
        ['auth', 'validate'],
        ['validate', 'lookup'],
        ['checkout', 'lookup'],
        ['lookup', 'notFound'],
        ['lookup', 'query'],
        // In SQL the look-up locks the product's row inside the transaction, so BEGIN comes first.
        ['begin', 'lookup'],
        ['begin', 'query'],
        ['query', 'commit'],
        ['commit', 'respond'],
      ]
    : [
        ...common,
        ['route', 'badId'],
        ['badId', 'cacheGet'],
        ['badId', 'query'],
        ['cacheGet', 'query'],
        ['query', 'notFound'],
        ['notFound', 'cacheSet'],
        ['cacheSet', 'notModified'],
      ];
}

/** The statements the engine sends for an operation, as this language writes them in source. */
function statements(lang: Language, db: 'postgres' | 'mysql', op: HandlerOp): string[] {
  const engine =
    op === 'getProduct'
      ? [SQL.productById[db]]
      : op === 'findBySku'
        ? [SQL.productBySku[db]]
        : op === 'login'
          ? [SQL.userByEmail[db]]
          : op === 'me'
            ? []
            : op === 'listProducts'
              ? [SQL.productPage[db]]
              : [SQL.productForReview[db], SQL.insertReview[db]];
  // JDBC and PDO are written with `?`; their PostgreSQL drivers send $1, $2 (what the engine shows).
  const questionMarks = lang === 'java' || lang === 'php';
  return engine.map((sql) => (questionMarks ? sql.replace(/\$\d+/g, '?') : sql));
}

const lineAt = (h: HandlerSource, mark: CodeMark): string =>
  h.source.split('\n')[(h.marks[mark] ?? 0) - 1] ?? '';

describe('handler code', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: has every mark its code path needs, and no other',
    (_n, c) => {
      const expected = expectedMarks(c.op, c.db, c.cached, c.lang);
      for (const mark of expected) expect(c.handler.marks[mark], mark).toBeTypeOf('number');
      const extra = Object.keys(c.handler.marks).filter(
        (m) => m !== 'checkout' && !expected.includes(m as CodeMark),
      );
      expect(extra, 'marks of another code path').toEqual([]);
    },
  );

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: marks point at non-empty lines, in running order',
    (_n, c) => {
      const lines = c.handler.source.split('\n');
      for (const [mark, line] of Object.entries(c.handler.marks)) {
        expect(line, mark).toBeGreaterThanOrEqual(1);
        expect(line, mark).toBeLessThanOrEqual(lines.length);
        expect(lines[line - 1]?.trim(), mark).not.toBe('');
      }
      for (const [a, b] of order(c.op)) {
        const la = c.handler.marks[a];
        const lb = c.handler.marks[b];
        if (la !== undefined && lb !== undefined) expect(la, `${a} before ${b}`).toBeLessThan(lb);
      }
    },
  );

  it.each(CASES.map((c) => [c.name, c] as const))('%s: is clean and fits a side panel', (_n, c) => {
    expect(c.handler.source).not.toMatch(/[«»]/);
    expect(c.handler.file).not.toBe('');
    const lines = c.handler.source.split('\n');
    expect(lines.length).toBeLessThanOrEqual(42);
    for (const line of lines) {
      expect(line.replace(/\t/g, '    ').length, line).toBeLessThanOrEqual(100);
      expect(line, 'no trailing spaces').toBe(line.trimEnd());
    }
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: sends the statement or filter the engine shows',
    (_n, c) => {
      const src = c.handler.source;
      if (c.db === 'mongodb') {
        const needs = {
          getProduct: ['products', '_id'],
          findBySku: ['products', 'sku'],
          listProducts: ['products', '_id', 'imit('],
          // Go's document is a struct whose bson tags (not shown) name the fields.
          createReview: [
            'products',
            '_id',
            'reviews',
            ...(c.lang === 'go' ? ['Review{ProductID'] : ['product_id', 'rating', 'body']),
          ],
          login: ['users', 'email'],
          me: [],
        }[c.op];
        for (const word of needs) expect(src).toContain(word);
        if (c.op !== 'me')
          expect(lineAt(c.handler, 'query')).toContain(
            c.op === 'createReview' ? 'reviews' : c.op === 'login' ? 'users' : 'products',
          );
      } else {
        for (const sql of statements(c.lang, c.db, c.op)) expect(src).toContain(sql);
        // Drogon's Redis client formats its commands as hiredis does, with %s: not SQL.
        const sqlOnly = src
          .split('\n')
          .filter((line) => !line.includes('execCommandCoro'))
          .join('\n');
        expect(sqlOnly, 'no other placeholder style').not.toMatch(c.db === 'mysql' ? /\$\d/ : /%s/);
      }
    },
  );

  it.each(CASES.filter((c) => c.cached).map((c) => [c.name, c] as const))(
    '%s: reads product:<id> from Redis and stores it for the engine’s TTL',
    (_n, c) => {
      expect(c.handler.source).toMatch(/"product:|'product:|`product:/);
      expect(lineAt(c.handler, 'cacheSet')).toContain(String(REDIS.ttlSeconds));
    },
  );

  it('writes each language in its own syntax, with SQL placeholders only its driver takes', () => {
    for (const lang of LANGUAGES) {
      const h = languageProfile(lang).handler('getProduct', 'postgres', false);
      const all = CASES.filter((c) => c.lang === lang)
        .map((c) => c.handler.source)
        .join('\n');
      expect(all, lang).not.toContain("app.get('/x'");
      expect(h.source.length).toBeGreaterThan(0);
    }
    expect(languageProfile('python').handler('getProduct', 'postgres', false).source).toContain('async def');
    expect(languageProfile('go').handler('getProduct', 'postgres', false).source).toContain(
      '"GET /api/products/{id}"',
    );
  });
});

describe('language profiles', () => {
  /** One of each answer the app can give, for the wire checks below. */
  const ANSWERS: readonly Answer[] = [
    { kind: 'product', product: { id: 42 } },
    { kind: 'notModified', product: { id: 42 } },
    { kind: 'list', items: [{ id: 42 }] },
    { kind: 'created', review: { id: 1 }, location: '/api/products/42/reviews/1' },
    { kind: 'notFound' },
    { kind: 'badId', value: 'abc' },
    { kind: 'unauthorized', challenge: 'Bearer' },
    { kind: 'invalid', body: jsonBody('{"rating":9}'), badId: null },
    { kind: 'noRoute', allowed: [] },
  ];
  const REQUEST = httpRequest('GET', '/api/products/42', [['Host', 'shop.example']]);

  it.each(LANGUAGES.map((l) => [l, LANGUAGE_PROFILES[l]] as const))(
    '%s: names, port, drivers and headers',
    (lang, p) => {
      expect(p.id).toBe(lang);
      expect(p.label).not.toBe(lang === 'php' || lang === 'go' ? '' : lang);
      expect(p.syntax).toBe(
        {
          node: 'javascript',
          python: 'python',
          java: 'java',
          ruby: 'ruby',
          go: 'go',
          php: 'php',
          cpp: 'cpp',
        }[lang],
      );
      expect(p.framework).not.toBe(lang);
      expect(p.port).toBe(
        { node: 3000, python: 8000, java: 8080, ruby: 3000, go: 8080, php: 8000, cpp: 5555 }[lang],
      );
      for (const db of DATABASES) expect(p.drivers[db]).not.toBe('');
      // What the framework and its server write: each header well formed, none written twice.
      for (const answer of ANSWERS) {
        const { headers } = p.response.respond(answer, REQUEST, 0);
        for (const [name, value] of headers) {
          expect(name).toMatch(/^[A-Za-z0-9-]+$/);
          expect(value).toMatch(/^[\x20-\x7e]*$/);
        }
        const names = headers.map(([n]) => n.toLowerCase());
        expect(new Set(names).size, `${lang} ${answer.kind}: ${names.join(', ')}`).toBe(names.length);
      }
    },
  );

  it('says what the driver hands over in each language’s own words', () => {
    expect(driverNarration(languageProfile('node'), 'postgres', 1)).toBe(
      'The driver turns it into a JavaScript object for the handler.',
    );
    expect(driverNarration(languageProfile('python'), 'mongodb', 2)).toBe(
      'The driver turns them into Python dicts for the handler.',
    );
    expect(driverNarration(languageProfile('go'), 'mysql', 'inserted')).toBe(
      'The driver hands the new row’s id to the handler.',
    );
    expect(driverNarration(languageProfile('java'), 'mongodb', 'inserted')).toMatch(/_id before sending it/);
    expect(driverNarration(languageProfile('ruby'), 'postgres', 0)).toBe(
      'The driver hands the handler an empty result.',
    );
    for (const lang of LANGUAGES) {
      for (const db of DATABASES)
        expect(driverNarration(languageProfile(lang), db, 1)).not.toMatch(
          /Node\.js|\bGo objects|node objects/,
        );
    }
  });
});

describe('code in the timeline', () => {
  // The app's steps that show the running line; none may lose its code on any scenario or stack.
  const CODE_STEPS =
    /^(server-(route|bad-id|auth|validate|respond|not-modified|not-found)|cache-(get|set)|db-checkout)$/;

  it('every step inside the handler shows its line, on every scenario and stack', () => {
    let checked = 0;
    for (const scenario of SCENARIOS) {
      for (const lang of LANGUAGES) {
        for (const db of DATABASES) {
          if (unavailableReason(scenario, { lang, db }) !== null) continue;
          for (const step of buildTimeline(scenario, { lang, db }).steps) {
            if (!CODE_STEPS.test(step.id)) continue;
            const where = `${scenario.id} ${lang}+${db} ${step.id}`;
            expect(step.message.protocol, where).toBe('internal');
            const code = step.message.protocol === 'internal' ? step.message.code : undefined;
            expect(code, `${where} lost its code`).toBeDefined();
            if (code) {
              expect(code.source.split('\n')[code.line - 1]?.trim(), where).not.toBe('');
              if (step.id.startsWith('server-'))
                expect(step.message.text, where).toBe(code.source.split('\n')[code.line - 1]?.trim());
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(SCENARIOS.length * 18);
  });
});

describe('LANGUAGE_INFO', () => {
  it.each(LANGUAGES)('names %s as its profile does', (lang) => {
    const { label, framework } = languageProfile(lang);
    expect(LANGUAGE_INFO[lang]).toEqual({ label, framework });
  });
});
