import { describe, expect, it } from 'vitest';
import { SQL } from '../data/sqlStatements.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import type { Database, Language } from '../model/stack.ts';
import { REDIS } from '../world/world.ts';
import { languageProfile } from './languages.ts';
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
