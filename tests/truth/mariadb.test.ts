// The MySQL statements run on a real MySQL-protocol server (MariaDB 10.11 from Debian, where this machine
// has it: `apt-get install mariadb-server`), loaded with the shop's seed: what Active Record's mysql2
// adapter writes into the SQL returns the rows the timeline shows and inserts the id it shows, the
// statements the other drivers prepare prepare with their `?` and execute with their values, and a value
// quoted the way mysql2 escapes it reads back as exactly that value, whatever its characters.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, SCENARIOS, buildTimeline, unavailableReason } from '../../src/core/index.ts';
import { REVIEW_COUNT, mysqlSetup } from '../../src/core/data/shopData.ts';
import { mysqlLiteral } from '../../src/core/data/mysqlLiteral.ts';
import { LANGUAGE_PROFILES } from '../../src/core/stacks/languages.ts';
import { resultOf, stepsWith } from './timelines.ts';

const HAS_MARIADB = spawnSync('mariadbd', ['--version'], { input: '' }).error === undefined;

let dir = '';
let server: ChildProcess | null = null;
const socket = (): string => join(dir, 'sock');

/** Runs SQL through the mariadb client on the shop database; tab-separated rows, no column names. */
function sql(text: string): string {
  const out = spawnSync(
    'mariadb',
    [
      '--no-defaults',
      `--socket=${socket()}`,
      '--batch',
      '--raw',
      '--skip-column-names',
      '--default-character-set=utf8mb4',
      'shop',
    ],
    { input: text, encoding: 'utf8' },
  );
  if (out.status !== 0) throw new Error(`mariadb: ${out.stderr}`);
  return out.stdout;
}

beforeAll(async () => {
  if (!HAS_MARIADB) return;
  dir = mkdtempSync(join(tmpdir(), 'roundtrip-mariadb-'));
  const install = spawnSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--datadir=${join(dir, 'data')}`,
      '--user=root',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(install.stderr);
  server = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${join(dir, 'data')}`,
      `--socket=${socket()}`,
      '--skip-networking',
      '--user=root',
      '--skip-grant-tables',
      `--log-error=${join(dir, 'err.log')}`,
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 200 && !existsSync(socket()); i++) await new Promise((r) => setTimeout(r, 100));
  spawnSync('mariadb', ['--no-defaults', `--socket=${socket()}`], {
    input: 'CREATE DATABASE shop CHARACTER SET utf8mb4;',
  });
  // The first 10,000 products hold every product a scenario names; all 2,000,000 take MariaDB minutes here.
  sql(mysqlSetup(false, 10_000));
}, 120_000);

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

const rowLines = (rows: readonly Readonly<Record<string, unknown>>[]): string =>
  rows.map((r) => Object.values(r).map(String).join('\t') + '\n').join('');

const DB_SCENARIOS = SCENARIOS.filter(
  (s) =>
    // A database that fails (databaseFaults.test.ts) answers nothing to check.
    s.faults.database === 'up' &&
    stepsWith(buildTimeline(s, { lang: 'node', db: 'mysql' }), 'sql').length > 0,
);

describe.skipIf(!HAS_MARIADB)('MySQL statements on MariaDB', () => {
  it.each(
    DB_SCENARIOS.flatMap((s) =>
      LANGUAGES.filter((lang) => unavailableReason(s, { lang, db: 'mysql' }) === null).map(
        (lang) => [s.id, lang, s] as const,
      ),
    ),
  )(
    '%s on %s+mysql: each statement, as its driver sends it, returns the rows and the id the timeline shows',
    (_id, lang, s) => {
      const t = buildTimeline(s, { lang, db: 'mysql' });
      const mode = LANGUAGE_PROFILES[lang].mysqlStatements.mode;
      for (const request of stepsWith(t, 'sql').filter((r) => r.direction === 'request')) {
        const { statement, params, command } = request.message.sql;
        if (command !== 'COM_QUERY' && command !== 'COM_STMT_EXECUTE') continue;
        if (/^(START TRANSACTION|BEGIN|COMMIT)$/.test(statement)) continue;
        const where = `${s.id} ${lang}+mysql step ${request.id}`;
        const run =
          mode === 'text'
            ? statement
            : [
                ...params.map((p, i) => `SET @p${i} = ${mysqlLiteral(p)};`),
                `PREPARE s FROM ${mysqlLiteral(statement)};`,
                `EXECUTE s${params.length ? ` USING ${params.map((_, i) => `@p${i}`).join(', ')}` : ''}`,
              ].join('\n');
        const result = resultOf(t, request);
        if (statement.startsWith('SELECT')) {
          expect(sql(`${run};`), `${where}: the rows`).toBe(rowLines(result.message.sql.rows));
        } else {
          const id = /insertId (\d+)$/.exec(result.message.summary)?.[1];
          expect(
            sql(
              `ALTER TABLE reviews AUTO_INCREMENT = ${REVIEW_COUNT + 1};\nSTART TRANSACTION;\n${run};\nSELECT LAST_INSERT_ID();\nROLLBACK;`,
            ),
            `${where}: the new id`,
          ).toBe(`${id}\n`);
        }
      }
    },
  );

  it('a string quoted as mysql2 escapes it reads back as exactly that string', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom("'", '"', '\\', '\0', '\n', '\r', '\x1a', '%', '_', '`'),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 20,
    });
    const samples = fc.sample(text, 300);
    const out = sql(samples.map((v) => `SELECT HEX(${mysqlLiteral(v)});`).join('\n')).split('\n');
    samples.forEach((v, i) =>
      expect(out[i], JSON.stringify(v)).toBe(Buffer.from(v, 'utf8').toString('hex').toUpperCase()),
    );
  });
});
