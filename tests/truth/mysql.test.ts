// Every MySQL statement a timeline sends parses with a MySQL-dialect SQL parser, has one `?` per
// parameter, and targets the table its route is about; each dialect keeps its own placeholder style.
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SCENARIOS, buildTimeline } from '../../src/core/index.ts';
import type { Scenario, Timeline } from '../../src/core/index.ts';
import { STACKS, resultOf, stackName, stepsWith } from './timelines.ts';
import type { StepWith } from './timelines.ts';

const parser = new Parser();
const MYSQL = { database: 'MySQL' } as const;

const sqlRequests = (t: Timeline): StepWith<'sql'>[] =>
  stepsWith(t, 'sql').filter((s) => s.direction === 'request');

/** How many `?` placeholders the parser found anywhere in the statement's syntax tree. */
function countPlaceholders(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, child) => n + countPlaceholders(child), 0);
  if (node === null || typeof node !== 'object') return 0;
  const record = node as Record<string, unknown>;
  const self = record['type'] === 'origin' && record['value'] === '?' ? 1 : 0;
  return self + Object.values(record).reduce((n: number, child) => n + countPlaceholders(child), 0);
}

interface Target {
  readonly tables: string[];
  readonly where: string | null;
}

/**
 * What the statements must be, in order (transaction control aside), from the request the browser
 * made: a GET reads products by id or sku; a POST first looks the product up by id (a review of a
 * product that does not exist is answered 404) and then inserts into reviews.
 */
function expectedTargets(s: Scenario): Target[] {
  const url = new URL(s.request.url);
  if (s.request.method === 'POST') {
    return [
      { tables: ['select::null::products'], where: 'id' },
      { tables: ['insert::null::reviews'], where: null },
    ];
  }
  return [{ tables: ['select::null::products'], where: url.searchParams.has('sku') ? 'sku' : 'id' }];
}

const DB_SCENARIOS = SCENARIOS.filter(
  (s) => sqlRequests(buildTimeline(s, { lang: 'node', db: 'mysql' })).length > 0,
);

describe.each(DB_SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, s) => {
  it.each(LANGUAGES.map((lang) => [lang, lang] as const))(
    'on %s+mysql: every statement parses as MySQL, has one ? per parameter and targets the right table',
    (_name, lang) => {
      const t = buildTimeline(s, { lang, db: 'mysql' });
      const requests = sqlRequests(t);
      expect(requests.length).toBeGreaterThan(0);
      const targets = expectedTargets(s);
      let statements = 0;
      for (const request of requests) {
        const where = `${s.id} ${lang}+mysql step ${request.id}`;
        const { statement, params, dialect } = request.message.sql;
        expect(dialect, where).toBe('mysql');
        expect(request.message.text, `${where}: the wire text is the statement`).toBe(statement);
        const ast = parser.astify(statement, MYSQL);
        const single = Array.isArray(ast) ? ast : [ast];
        expect(single.length, `${where}: exactly one statement`).toBe(1);
        expect(countPlaceholders(single[0]), `${where}: placeholders in the syntax tree`).toBe(params.length);
        expect(statement.split('?').length - 1, `${where}: ? in the text`).toBe(params.length);

        if ((single[0] as { readonly type?: string } | undefined)?.type === 'transaction') {
          expect(params, `${where}: transaction control has no parameters`).toEqual([]);
          expect(statement, where).toMatch(/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)$/);
          continue;
        }
        const target = targets[statements++];
        expect(target, `${where}: a statement the request needs`).toBeDefined();
        if (!target) continue;
        expect(parser.tableList(statement, MYSQL), `${where}: the table`).toEqual(target.tables);
        if (target.where) {
          expect(parser.columnList(statement, MYSQL), `${where}: filters on ${target.where}`).toContain(
            `select::null::${target.where}`,
          );
          const wherePart = (single[0] as { where?: { left?: { column?: unknown } } }).where;
          expect(wherePart?.left?.column, `${where}: the WHERE column`).toBe(target.where);
        }
      }
      expect(statements, `${s.id} ${lang}+mysql: every statement the request needs is sent`).toBe(
        targets.length,
      );
    },
  );
});

describe('the MySQL timeline returns what the PostgreSQL one does', () => {
  it.each(DB_SCENARIOS.filter((s) => s.request.method === 'GET').map((s) => [s.id, s] as const))(
    '%s: the SELECT returns the same rows on MySQL as on PostgreSQL (which PGlite checks)',
    (_id, s) => {
      for (const lang of LANGUAGES) {
        const rows = (db: 'postgres' | 'mysql'): unknown[] => {
          const t = buildTimeline(s, { lang, db });
          return sqlRequests(t)
            .filter((r) => r.message.sql.statement.startsWith('SELECT'))
            .map((r) => resultOf(t, r).message.sql.rows);
        };
        expect(rows('mysql'), `${s.id} ${lang}`).toEqual(rows('postgres'));
      }
    },
  );
});

describe('placeholder styles', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: PostgreSQL statements use $n and never ?, MySQL ones use ? and never $n',
    (_id, s) => {
      for (const stack of STACKS) {
        for (const step of stepsWith(buildTimeline(s, stack), 'sql')) {
          const { statement, params, dialect } = step.message.sql;
          const where = `${s.id} ${stackName(stack)} step ${step.id}`;
          expect(dialect, `${where}: the dialect is the stack's database`).toBe(stack.db);
          if (dialect === 'postgres') {
            expect(statement, where).not.toContain('?');
            const numbered = [...statement.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
            expect(new Set(numbered), `${where}: $1..$n, one per parameter`).toEqual(
              new Set(params.map((_, i) => i + 1)),
            );
          } else {
            expect(statement, where).not.toMatch(/\$\d/);
          }
        }
      }
    },
  );
});

describe('EXPLAIN on MySQL', () => {
  it('a primary-key lookup plans a const row, and says "no matching row in const table" when there is none', () => {
    const plan = (url: string): string | undefined => {
      const base = SCENARIOS.find((s) => s.id === 'first-visit');
      if (!base) throw new Error('no first-visit');
      const t = buildTimeline({ ...base, request: { ...base.request, url } }, { lang: 'node', db: 'mysql' });
      return t.steps.find((s) => s.id === 'db-execute')?.message.text;
    };
    expect(plan('https://shop.example/api/products/42')).toMatch(/type: const\n.*possible_keys: PRIMARY/);
    expect(plan('https://shop.example/api/products/10001')).toMatch(
      /table: NULL[\s\S]*Extra: no matching row in const table$/,
    );
  });
});
