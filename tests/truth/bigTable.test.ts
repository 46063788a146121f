// Opt-in (ROUNDTRIP_BIG_TABLE=1): the shop's whole table of PRODUCT_COUNT products on a real PostgreSQL
// server (Debian's postgresql package: `apt-get install postgresql`; checked with PostgreSQL 15.18 of Debian
// 12), where what only the whole table decides can be seen: the planner's costs and row estimates, the
// parallel scan (max_parallel_workers_per_gather is 2 by default; PGlite, one process, has 0 and never
// plans a Gather), the rows a scan reads, and how deep the B-trees grow. Every PostgreSQL plan a timeline
// shows is compared, costs and all, with what EXPLAIN prints here. Seeding 2,000,000 rows takes this
// server 20–40 s on a loaded 2-core machine, so the normal suite (tests/truth/postgres.test.ts, PGlite
// with the first 10,000 products) leaves it to this file. PostgreSQL refuses to run as root: under root the
// server runs as the `postgres` user the package creates.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, SCENARIOS, buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Scenario, Timeline } from '../../src/core/index.ts';
import { PRODUCT_COUNT, postgresSetup } from '../../src/core/data/shopData.ts';
import { stepsWith } from './timelines.ts';
import type { StepWith } from './timelines.ts';

/** The newest PostgreSQL server binaries Debian installed, if any. */
function serverBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

const BIN = serverBin();
const WANTED = process.env['ROUNDTRIP_BIG_TABLE'] === '1';
const AS_ROOT = process.getuid?.() === 0;

let dir = '';
let server: ChildProcess | null = null;

/** A command, as the `postgres` user when this runs as root (the server refuses root). */
const asServerUser = (command: string, args: readonly string[]): [string, string[]] =>
  AS_ROOT ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];

/** Runs SQL through psql, one statement at a time as psql sends them; the rows unaligned, without headers. */
function psql(sql: string): string {
  const out = spawnSync(
    'psql',
    ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-U', 'postgres', '-d', 'postgres'],
    { input: sql, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (out.status !== 0) throw new Error(`psql: ${out.stderr}`);
  return out.stdout.replace(/\n$/, '');
}

const literal = (value: unknown): string =>
  typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;

/** What EXPLAIN prints for the statement with its values bound, as the driver's parameters are. */
const explain = (statement: string, params: readonly unknown[], options = ''): string =>
  psql(
    `PREPARE s AS ${statement};\nEXPLAIN ${options}EXECUTE s${params.length ? `(${params.map(literal).join(', ')})` : ''};`,
  );

beforeAll(async () => {
  if (!WANTED || !BIN) return;
  dir = mkdtempSync(join(tmpdir(), 'roundtrip-bigtable-'));
  if (AS_ROOT) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), 0);
  const [initdb, initArgs] = asServerUser(join(BIN, 'initdb'), [
    '-D',
    join(dir, 'data'),
    '-U',
    'postgres',
    '--no-sync',
  ]);
  const init = spawnSync(initdb, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(init.stderr);
  const [postgres, args] = asServerUser(join(BIN, 'postgres'), [
    '-D',
    join(dir, 'data'),
    '-k',
    dir,
    '-c',
    'listen_addresses=',
    '-c',
    'fsync=off',
  ]);
  server = spawn(postgres, args, { stdio: 'ignore' });
  for (let i = 0; i < 300 && !existsSync(join(dir, '.s.PGSQL.5432')); i++)
    await new Promise((r) => setTimeout(r, 100));
  // VACUUM counts every row, as a live shop's autovacuum has; ANALYZE alone estimates the count.
  psql(`${postgresSetup(false)}\nVACUUM ANALYZE;`);
}, 600_000);

afterAll(async () => {
  const running = server;
  if (running && running.exitCode === null) {
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill();
    });
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const scenario = (id: string): Scenario => {
  const s = scenarioById(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};

const sqlRequests = (t: Timeline): StepWith<'sql'>[] =>
  stepsWith(t, 'sql').filter((s) => s.direction === 'request');

/** The database's own step after a request, with the plan. */
const planOf = (t: Timeline, request: StepWith<'sql'>): string | undefined =>
  t.steps.slice(request.index + 1).find((s) => s.from === 'db' && s.to === 'db')?.message.text;

/** Every plan the PostgreSQL timelines of `scenarios` show is what EXPLAIN prints on the whole table. */
function checkPlans(scenarios: readonly Scenario[]): void {
  for (const s of scenarios) {
    for (const lang of LANGUAGES) {
      const t = buildTimeline(s, { lang, db: 'postgres' });
      for (const request of sqlRequests(t)) {
        const { statement, params } = request.message.sql;
        if (/^(BEGIN|COMMIT|ROLLBACK)\b/.test(statement)) continue;
        expect(planOf(t, request), `${s.id} ${lang} ${request.id}`).toBe(explain(statement, params));
      }
    }
  }
}

const onDatabase = SCENARIOS.filter(
  (s) =>
    s.faults.database === 'up' &&
    !s.skuIndex &&
    sqlRequests(buildTimeline(s, { lang: 'node', db: 'postgres' })).length > 0,
);

describe.skipIf(!WANTED || !BIN)(
  `the whole table of ${PRODUCT_COUNT} products on a PostgreSQL server`,
  () => {
    it('is the shop: every product, the default parallel settings', () => {
      expect(psql('SELECT count(*) FROM products;')).toBe(String(PRODUCT_COUNT));
      expect(psql("SELECT relpages, reltuples::bigint FROM pg_class WHERE relname = 'products';")).toBe(
        `16667|${PRODUCT_COUNT}`,
      );
      expect(psql('SHOW max_parallel_workers_per_gather;')).toBe('2');
    });

    it('without the sku index: every plan, costs and estimates as EXPLAIN prints them (a Gather over a Parallel Seq Scan for the sku)', () => {
      expect(onDatabase.map((s) => s.id)).toEqual(expect.arrayContaining(['slow-query', 'first-visit']));
      checkPlans(onDatabase);
    });

    it('the scan reads every row: the leader and its two workers, a third each', () => {
      const t = buildTimeline(scenario('slow-query'), { lang: 'node', db: 'postgres' });
      const [request] = sqlRequests(t);
      if (!request) throw new Error('slow-query sends no statement');
      const analyzed = explain(
        request.message.sql.statement,
        request.message.sql.params,
        '(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ',
      );
      expect(analyzed).toContain('Workers Launched: 2');
      // Per process (loops=3): 1,999,999 rows filtered out, and the one row returned.
      expect(analyzed).toMatch(/Parallel Seq Scan on products \(actual rows=0 loops=3\)/);
      expect(analyzed).toContain(`Rows Removed by Filter: ${Math.floor((PRODUCT_COUNT - 1) / 3)}`);
      expect(request.message.sql.rowsExamined).toBe(PRODUCT_COUNT);
    });

    it('with the sku index: the lookups plan as the timelines show, and both B-trees have 3 levels', () => {
      psql(
        'CREATE INDEX products_sku_idx ON products (sku);\nANALYZE products;\nCREATE EXTENSION pageinspect;',
      );
      checkPlans([scenario('indexed-query')]);
      // bt_metap counts levels from the leaves (0): a root at level 2 is three levels, as the narration says.
      expect(psql("SELECT level FROM bt_metap('products_sku_idx');")).toBe('2');
      expect(psql("SELECT level FROM bt_metap('products_pkey');")).toBe('2');
      const t = buildTimeline(scenario('indexed-query'), { lang: 'node', db: 'postgres' });
      expect(t.steps.find((s) => s.id === 'db-execute')?.narration).toContain('3 levels');
    });
  },
);
