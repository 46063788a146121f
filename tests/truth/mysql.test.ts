// Every MySQL statement a timeline sends parses with a MySQL-dialect SQL parser and targets the table its
// route is about, carried as its driver sends it: a COM_QUERY with the values escaped into the SQL (Active
// Record's mysql2 adapter: prepared_statements is off by default), or COM_STMT_PREPARE with one `?` per
// value, COM_STMT_EXECUTE with the values and COM_STMT_CLOSE (go-sql-driver/mysql with interpolateParams off,
// Connector/J with useServerPrepStmts, Connector/Python's prepared cursor, pdo_mysql without emulation), or
// COM_STMT_EXECUTE alone on a statement mysql2 cached. Each dialect keeps its own placeholder style.
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SCENARIOS, buildTimeline, unavailableReason } from '../../src/core/index.ts';
import { LANGUAGE_PROFILES as PROFILES } from '../../src/core/stacks/languages.ts';
import type { Scenario, Timeline } from '../../src/core/index.ts';
import { resultOf, shownOn, stackName, stepsWith } from './timelines.ts';
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
  // A login looks the account up by its email.
  if (s.session) return [{ tables: ['select::null::users'], where: 'email' }];
  if (s.request.method === 'POST') {
    return [
      { tables: ['select::null::products'], where: 'id' },
      { tables: ['insert::null::reviews'], where: null },
    ];
  }
  return [{ tables: ['select::null::products'], where: url.searchParams.has('sku') ? 'sku' : 'id' }];
}

const DB_SCENARIOS = SCENARIOS.filter(
  (s) =>
    // A database that fails (databaseFaults.test.ts) answers nothing to check.
    s.faults.database === 'up' && sqlRequests(buildTimeline(s, { lang: 'node', db: 'mysql' })).length > 0,
);

/**
 * The values the request hands the database, in order: the id, the sku or the catalogue's `after`, or the review's
 * product, rating and body.
 */
function expectedValues(s: Scenario): (string | number)[][] {
  const url = new URL(s.request.url);
  if (s.session) return [[(JSON.parse(s.request.body) as { email: string }).email]];
  if (s.request.method === 'POST') {
    const productId = Number(/\/api\/products\/(\d+)\/reviews$/.exec(url.pathname)?.[1]);
    const body = JSON.parse(s.request.body) as { rating: number; body: string };
    return [[productId], [productId, body.rating, body.body]];
  }
  const sku = url.searchParams.get('sku');
  const after = url.searchParams.get('after');
  return [[sku ?? (after !== null ? Number(after) : Number(url.pathname.split('/').pop()))]];
}

/** The literal values of a parsed statement's WHERE right side or INSERT VALUES, as the parser reads them. */
function literals(ast: unknown): unknown[] {
  const node = ast as {
    where?: { right?: { value?: unknown } };
    values?: { values?: { value: { value: unknown }[] }[] } | { value: { value: unknown }[] }[];
  };
  if (node.where?.right) return [node.where.right.value];
  const rows = Array.isArray(node.values) ? node.values : (node.values?.values ?? []);
  return (rows[0]?.value ?? []).map((v) => v.value);
}

describe.each(DB_SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, s) => {
  it.each(
    LANGUAGES.filter((lang) => unavailableReason(s, { lang, db: 'mysql' }) === null).map(
      (lang) => [lang, lang] as const,
    ),
  )(
    'on %s+mysql: every statement parses as MySQL, goes as its driver sends it, and targets the right table',
    (_name, lang) => {
      const t = buildTimeline(s, { lang, db: 'mysql' });
      const mode = PROFILES[lang].mysqlStatements.mode;
      const requests = sqlRequests(t);
      expect(requests.length).toBeGreaterThan(0);
      // Each time the app answers it runs the same statements (three times in rolling-deploy); a login's
      // next request finds its session without the database.
      const answers = s.session ? 1 : t.steps.filter((step) => step.id.startsWith('app-response-')).length;
      const again = <T>(xs: T[]): T[] => Array.from({ length: Math.max(1, answers) }, () => xs).flat();
      const targets = again(expectedTargets(s));
      const values = again(expectedValues(s));
      let statements = 0;
      let prepared: {
        readonly statement: string;
        readonly id: string;
        readonly placeholders: number;
      } | null = null;
      for (const request of requests) {
        const where = `${s.id} ${lang}+mysql step ${request.id}`;
        const { statement, params, dialect, command } = request.message.sql;
        expect(dialect, where).toBe('mysql');
        const ast = parser.astify(statement, MYSQL);
        const single = Array.isArray(ast) ? ast : [ast];
        expect(single.length, `${where}: exactly one statement`).toBe(1);
        const placeholders = countPlaceholders(single[0]);
        expect(statement.split('?').length - 1, `${where}: ? in the text`).toBe(placeholders);

        if ((single[0] as { readonly type?: string } | undefined)?.type === 'transaction') {
          expect(command, `${where}: transaction control is a text query`).toBe('COM_QUERY');
          expect(params, `${where}: transaction control has no parameters`).toEqual([]);
          expect(statement, where).toMatch(/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)$/);
          continue;
        }
        switch (command) {
          case 'COM_STMT_PREPARE': {
            expect(mode, `${where}: only a driver that prepares on every query sends a prepare`).toBe(
              'prepare',
            );
            expect(request.message.text, `${where}: the prepare carries the SQL`).toBe(statement);
            expect(params, `${where}: and no values`).toEqual([]);
            const answer = resultOf(t, request).message.text;
            const id = /^statement_id: (\d+), parameters: (\d+), columns: (\d+)$/.exec(answer);
            expect(id?.[2], `${where}: MySQL counts the placeholders`).toBe(String(placeholders));
            prepared = { statement, id: id?.[1] ?? '', placeholders };
            break;
          }
          case 'COM_STMT_EXECUTE': {
            expect(mode, where).not.toBe('text');
            expect(params.length, `${where}: one value per placeholder`).toBe(placeholders);
            expect(params, `${where}: the request's values`).toEqual(values[statements]);
            if (mode === 'prepare') {
              expect(prepared?.statement, `${where}: executes the statement just prepared`).toBe(statement);
              expect(request.message.text, where).toMatch(
                new RegExp(`^statement_id: ${prepared?.id ?? 'none'}, parameters: \\[`),
              );
            } else {
              expect(request.message.text, where).toMatch(/^statement_id: \d+, parameters: \[/);
            }
            break;
          }
          case 'COM_STMT_CLOSE':
            expect(prepared?.statement, `${where}: closes the statement it prepared`).toBe(statement);
            expect(request.message.text, where).toBe(`statement_id: ${prepared?.id ?? ''}`);
            prepared = null;
            continue;
          case 'COM_QUERY':
            expect(mode, `${where}: values go in the SQL text only where the driver escapes them`).toBe(
              'text',
            );
            expect(request.message.text, `${where}: the wire text is the statement`).toBe(statement);
            expect(placeholders, `${where}: no placeholders left`).toBe(0);
            expect(params, where).toEqual([]);
            expect(literals(single[0]), `${where}: the values, escaped into the SQL`).toEqual(
              values[statements],
            );
            break;
          case undefined:
            throw new Error(`${where}: a MySQL message says which command carries it`);
        }
        if (command === 'COM_STMT_PREPARE') continue;
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
      expect(prepared, `${s.id} ${lang}+mysql: every prepared statement is closed`).toBeNull();
    },
  );
});

describe('the MySQL timeline returns what the PostgreSQL one does', () => {
  it.each(DB_SCENARIOS.filter((s) => s.request.method === 'GET').map((s) => [s.id, s] as const))(
    '%s: the SELECT returns the same rows on MySQL as on PostgreSQL (which PGlite checks)',
    (_id, s) => {
      for (const { lang } of shownOn(s).filter((stack) => stack.db === 'mysql')) {
        const rows = (db: 'postgres' | 'mysql'): unknown[] => {
          const t = buildTimeline(s, { lang, db });
          return sqlRequests(t)
            .filter(
              (r) =>
                r.message.sql.statement.startsWith('SELECT') &&
                ['COM_STMT_EXECUTE', 'COM_QUERY', undefined].includes(r.message.sql.command),
            )
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
      for (const stack of shownOn(s)) {
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
    expect(plan('https://shop.example/api/products/2000001')).toMatch(
      /table: NULL[\s\S]*Extra: no matching row in const table$/,
    );
  });
});
