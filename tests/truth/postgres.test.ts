// Every PostgreSQL statement a timeline sends runs on real PostgreSQL (PGlite) loaded with the
// shop's own schema and the first SEEDED of its products: the rows it returns are the rows the timeline
// shows, and EXPLAIN prints the plan the timeline teaches, but for what only the whole table of
// PRODUCT_COUNT products decides (the planner's costs, a parallel scan, the rows a scan reads), which
// tests/truth/bigTable.test.ts checks on a real PostgreSQL server.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  SCENARIOS,
  buildTimeline,
  scenarioById,
  unavailableReason,
} from '../../src/core/index.ts';
import type { Language, Scenario, Step, Timeline } from '../../src/core/index.ts';
import { PRODUCT_COUNT, REVIEW_COUNT, postgresSetup, productRow } from '../../src/core/data/shopData.ts';
import { resultOf, stepsWith } from './timelines.ts';
import type { StepWith } from './timelines.ts';

type Params = (string | number)[];

let pg: PGlite;

/**
 * Products seeded here: every product a scenario names is among them. PGlite takes about a minute to seed
 * all 2,000,000, so the whole table is for tests/truth/bigTable.test.ts.
 */
const SEEDED = 10_000;

beforeAll(async () => {
  pg = new PGlite();
  // `public` holds the shop as most scenarios have it; `indexed` the same data with the sku index.
  await pg.exec(postgresSetup(false, SEEDED));
  await pg.exec('CREATE SCHEMA indexed; SET search_path TO indexed;');
  await pg.exec(postgresSetup(true, SEEDED));
  await pg.exec('SET search_path TO public;');
}, 120_000);

afterAll(async () => {
  await pg.close();
});

const scenario = (id: string): Scenario => {
  const s = scenarioById(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};

const sqlRequests = (t: Timeline): StepWith<'sql'>[] =>
  stepsWith(t, 'sql').filter((s) => s.direction === 'request');

/** Scenarios whose PostgreSQL timeline talks to the database. */
const DB_SCENARIOS = SCENARIOS.filter(
  (s) =>
    // A database that fails (databaseFaults.test.ts) answers nothing to check.
    s.faults.database === 'up' && sqlRequests(buildTimeline(s, { lang: 'node', db: 'postgres' })).length > 0,
);

const withUrl = (id: string, label: string, url: string): Scenario => {
  const base = scenario(id);
  return { ...base, id: `${id}, ${label}`, request: { ...base.request, url } };
};

/** Requests no scenario makes (the property tests generate them): empty results, and a row PostgreSQL's foreign key refuses. */
const VARIANTS: Scenario[] = [
  withUrl('first-visit', 'product 2000001', 'https://shop.example/api/products/2000001'),
  withUrl('slow-query', 'SKU-9999999', 'https://shop.example/api/products?sku=SKU-9999999'),
  withUrl(
    'slow-query',
    'SKU-04217, a sku of the old shape',
    'https://shop.example/api/products?sku=SKU-04217',
  ),
  withUrl('indexed-query', 'SKU-0001234', 'https://shop.example/api/products?sku=SKU-0001234'),
  withUrl(
    'slow-query',
    'a sku with quotes and a backslash',
    "https://shop.example/api/products?sku=O'Brien%22%5C'",
  ),
  withUrl(
    'indexed-query',
    'a sku with quotes and a backslash',
    "https://shop.example/api/products?sku=O'Brien%22%5C'",
  ),
  withUrl('post-create', 'review of product 2000001', 'https://shop.example/api/products/2000001/reviews'),
];

/** Product ids PostgreSQL refuses as an `integer` parameter: not a number, not whole, out of range. */
const REFUSED_IDS = ['abc', '4.2', '2147483648'];

/** Runs `work`, naming the step when PostgreSQL refuses the statement. */
async function onPostgres<T>(where: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(
      `${where}: PostgreSQL refuses it: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** A plan as EXPLAIN (COSTS OFF) prints it: the planner's estimates, which need the whole table, taken out. */
const withoutCosts = (plan: string): string => plan.replace(/ {2}\(cost=[^)]*\)/g, '');

/**
 * The plan a single process runs for a parallel one: PGlite is one process (max_parallel_workers_per_gather
 * and max_worker_processes are 0), so it never plans a Gather; without it, the Parallel Seq Scan under the
 * Gather is the same scan with the same Filter.
 */
const serial = (plan: string): string =>
  plan.replace(/^Gather\n {2}Workers Planned: \d+\n {2}-> {2}Parallel (Seq Scan.*)\n {8}(.*)$/, '$1\n  $2');

const explain = async (statement: string, params: Params): Promise<string> =>
  (await pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${statement}`, params)).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');

interface AnalyzedScan {
  readonly 'Node Type': string;
  readonly 'Actual Rows': number;
  readonly 'Rows Removed by Filter'?: number;
}

/** Rows PostgreSQL actually read to answer a single-table SELECT (returned + filtered out). */
async function rowsExamined(statement: string, params: Params): Promise<number> {
  const result = await pg.query<{ 'QUERY PLAN': [{ Plan: AnalyzedScan }] }>(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF, FORMAT JSON) ${statement}`,
    params,
  );
  const plan = result.rows[0]?.['QUERY PLAN'][0].Plan;
  if (!plan) throw new Error(`no plan for ${statement}`);
  return plan['Actual Rows'] + (plan['Rows Removed by Filter'] ?? 0);
}

/** The database's own work step between a request and its result, when there is one. */
const executeStep = (t: Timeline, request: Step, result: Step): Step | undefined =>
  t.steps.slice(request.index + 1, result.index).find((s) => s.from === 'db' && s.to === 'db');

const entries = (rows: readonly object[]): [string, unknown][][] => rows.map((r) => Object.entries(r));

/** Runs every statement of the timeline, in its order, and checks each answer and plan. */
async function checkAgainstPostgres(s: Scenario, lang: Language): Promise<void> {
  const t = buildTimeline(s, { lang, db: 'postgres' });
  const requests = sqlRequests(t);
  expect(requests.length, 'the timeline queries the database').toBeGreaterThan(0);
  await pg.exec(`SET search_path TO ${s.skuIndex ? 'indexed' : 'public'};`);
  let inTransaction = false;
  try {
    for (const request of requests) {
      const where = `${s.id} ${lang}+postgres step ${request.id}`;
      const { statement, params, dialect, plan } = request.message.sql;
      expect(dialect, where).toBe('postgres');
      expect(request.message.text, `${where}: the wire text is the statement`).toBe(statement);
      const result = resultOf(t, request);
      const execute = executeStep(t, request, result);
      const transactionControl = /^(BEGIN|COMMIT|ROLLBACK)\b/.test(statement);

      if (!transactionControl) {
        expect(execute, `${where}: a db-execute step shows the plan`).toBeDefined();
        const printed = await onPostgres(where, () => explain(statement, [...params]));
        expect(
          serial(withoutCosts(execute?.message.text ?? '')),
          `${where}: the plan is what EXPLAIN prints`,
        ).toBe(printed);
      }
      if (/^SELECT\b/.test(statement)) {
        const scan = execute?.message.text.includes('Seq Scan') === true;
        expect(plan, `${where}: the access path`).toBe(scan ? 'scan' : 'index');
        // A scan reads every row: all SEEDED here, all PRODUCT_COUNT in the shop.
        const examined = await onPostgres(where, () => rowsExamined(statement, [...params]));
        expect(
          request.message.sql.rowsExamined,
          `${where}: rows examined, as EXPLAIN ANALYZE counts them`,
        ).toBe(scan && examined === SEEDED ? PRODUCT_COUNT : examined);
      }

      const answer = await onPostgres(where, () => pg.query<Record<string, unknown>>(statement, [...params]));
      if (statement === 'BEGIN') inTransaction = true;
      if (statement === 'COMMIT' || statement === 'ROLLBACK') inTransaction = false;
      expect(entries(answer.rows), `${where}: the rows PostgreSQL returns (columns in order)`).toEqual(
        entries(result.message.sql.rows),
      );
      expect(result.message.sql.statement, `${where}: the result answers the statement`).toBe(statement);
    }
    expect(inTransaction, 'every transaction the timeline opens is committed or rolled back').toBe(false);
  } finally {
    if (inTransaction) await pg.exec('ROLLBACK;');
    await pg.exec(`SET search_path TO public;
DELETE FROM reviews WHERE id > ${REVIEW_COUNT};
ALTER TABLE reviews ALTER COLUMN id RESTART WITH ${REVIEW_COUNT + 1};`);
  }
}

describe('the seed', () => {
  it('productRow(id) is exactly the row the seed SQL creates', async () => {
    const sample = [1, 42, 4217, 9999, 10000];
    const rows = await pg.query<Record<string, unknown>>(
      'SELECT * FROM products WHERE id = ANY($1) ORDER BY id',
      [sample],
    );
    expect(entries(rows.rows)).toEqual(entries(sample.map(productRow)));
  });

  it('productRow agrees with every one of the seeded products, and the counts match', async () => {
    const rows = await pg.query<Record<string, unknown>>('SELECT * FROM products ORDER BY id');
    expect(rows.rows.length).toBe(SEEDED);
    expect(rows.rows).toEqual(Array.from({ length: SEEDED }, (_, i) => productRow(i + 1)));
    const reviews = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM reviews');
    expect(reviews.rows[0]?.n).toBe(REVIEW_COUNT);
  });

  it('postgresSetup(true) creates the sku index and postgresSetup(false) does not', async () => {
    const indexes = await pg.query<{ schemaname: string; indexname: string }>(
      "SELECT schemaname, indexname FROM pg_indexes WHERE tablename = 'products' ORDER BY schemaname, indexname",
    );
    expect(indexes.rows).toEqual([
      { schemaname: 'indexed', indexname: 'products_pkey' },
      { schemaname: 'indexed', indexname: 'products_sku_idx' },
      { schemaname: 'public', indexname: 'products_pkey' },
    ]);
  });
});

describe.each(DB_SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, s) => {
  it.each(
    LANGUAGES.filter((lang) => unavailableReason(s, { lang, db: 'postgres' }) === null).map(
      (lang) => [lang, lang] as const,
    ),
  )(
    'on %s+postgres: every statement runs on PostgreSQL, returns the rows shown, and EXPLAIN agrees with the plan',
    async (_name, lang) => {
      await checkAgainstPostgres(s, lang);
    },
  );
});

describe('requests outside the scenarios', () => {
  it.each(VARIANTS.map((s) => [s.id, s] as const))(
    '%s: PostgreSQL agrees with the timeline',
    async (_id, s) => {
      await checkAgainstPostgres(s, 'node');
    },
  );
});

/**
 * Where each framework, as its profile's code is written, refuses an id the column cannot hold, and what it
 * answers: Express's and Go's handlers check it themselves (404), FastAPI validates the path parameter
 * (422; for a review, with the body's errors), Spring's conversion to int fails (400), and the routes of
 * Rails and Laravel are constrained to digits, so no route matches (404).
 */
const REFUSAL: Readonly<
  Record<Language, { readonly get: readonly [string, number]; readonly post: readonly [string, number] }>
> = {
  node: { get: ['server-bad-id', 404], post: ['server-bad-id', 404] },
  python: { get: ['server-bad-id', 422], post: ['server-validate', 422] },
  java: { get: ['server-bad-id', 400], post: ['server-bad-id', 400] },
  ruby: { get: ['server-no-route', 404], post: ['server-no-route', 404] },
  go: { get: ['server-bad-id', 404], post: ['server-bad-id', 404] },
  php: { get: ['server-no-route', 404], post: ['server-no-route', 404] },
  cpp: { get: ['server-bad-id', 500], post: ['server-bad-id', 500] },
};

/**
 * Drogon converts the path's {id} with std::stoi, which reads the leading digits and ignores the rest:
 * "4.2" reaches the handler as 4 (HttpBinder.h, getHandlerArgumentValue<int>), so that one is not refused.
 */
const REACHES_HANDLER: Readonly<Partial<Record<Language, Readonly<Record<string, number>>>>> = {
  cpp: { '4.2': 4 },
};

describe('ids the id column cannot hold', () => {
  it.each(REFUSED_IDS.map((id) => [id, id] as const))(
    '%s: PostgreSQL refuses it, so every framework refuses it first and no statement is sent',
    async (_name, id) => {
      await expect(pg.query('SELECT id FROM products WHERE id = $1', [id])).rejects.toThrow(
        /invalid input syntax|out of range/,
      );
      const variants = [
        ['get', withUrl('first-visit', `product "${id}"`, `https://shop.example/api/products/${id}`)],
        [
          'post',
          withUrl(
            'post-create',
            `review of product "${id}"`,
            `https://shop.example/api/products/${id}/reviews`,
          ),
        ],
      ] as const;
      for (const [kind, s] of variants) {
        for (const lang of LANGUAGES) {
          const t = buildTimeline(s, { lang, db: 'postgres' });
          const taken = REACHES_HANDLER[lang]?.[id];
          if (taken !== undefined) {
            const lookup = sqlRequests(t).find((r) => r.message.sql.statement.includes('FROM products'));
            expect(lookup?.message.sql.params, `${s.id} ${lang}: ${id} is read as ${taken}`).toEqual([taken]);
            continue;
          }
          const [step, status] = REFUSAL[lang][kind];
          expect(sqlRequests(t), `${s.id} ${lang}: no statement reaches PostgreSQL`).toEqual([]);
          expect(
            t.steps.map((x) => x.id),
            `${s.id} ${lang}`,
          ).toContain(step);
          expect(t.outcome.status, `${s.id} ${lang}`).toBe(status);
        }
      }
    },
  );
});

describe('a review of a product that does not exist', () => {
  it('PostgreSQL’s foreign key refuses the row, so on every language the timeline looks the product up inside a transaction, rolls back, sends no INSERT and answers 404', async () => {
    await expect(
      pg.query('INSERT INTO reviews (product_id, rating, body) VALUES ($1, $2, $3)', [2000001, 5, 'Nice.']),
    ).rejects.toThrow(/violates foreign key constraint "reviews_product_id_fkey"/);
    const s = withUrl(
      'post-create',
      'review of product 2000001',
      'https://shop.example/api/products/2000001/reviews',
    );
    for (const lang of LANGUAGES) {
      const t = buildTimeline(s, { lang, db: 'postgres' });
      const statements = sqlRequests(t).map((r) => r.message.sql.statement);
      expect(statements, lang).toEqual([
        'BEGIN',
        'SELECT id FROM products WHERE id = $1 FOR KEY SHARE',
        'ROLLBACK',
      ]);
      expect(t.outcome.status, lang).toBe(404);
    }
  });
});

it('covers the scenarios that write as well as those that read', () => {
  expect(DB_SCENARIOS.map((s) => s.id)).toEqual(
    expect.arrayContaining(['first-visit', 'post-create', 'slow-query', 'indexed-query', 'cache-miss']),
  );
});
