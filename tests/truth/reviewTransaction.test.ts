// post-create's transaction is there for a reason: the product look-up runs inside it and share-locks the
// row, so the 404-or-insert decision holds until COMMIT (a single INSERT would be atomic without BEGIN).
// Checked on PGlite (real PostgreSQL 17): FOR KEY SHARE is accepted, plans as LockRows over the primary
// key, and the foreign key refuses a review of a missing product; LOCK IN SHARE MODE runs on MariaDB in
// mariadb.test.ts and parses as MySQL in mysql.test.ts.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, buildTimeline, scenarioById } from '../../src/core/index.ts';
import { postgresSetup } from '../../src/core/data/shopData.ts';
import { stepsWith } from './timelines.ts';

const postCreate = scenarioById('post-create');
if (!postCreate) throw new Error('no post-create');

/** The SQL the handler runs, in order, without MySQL's prepare and close round trips. */
const statements = (lang: (typeof LANGUAGES)[number], db: 'postgres' | 'mysql'): string[] =>
  stepsWith(buildTimeline(postCreate, { lang, db }), 'sql')
    .filter((s) => s.direction === 'request')
    .filter((s) => s.message.sql.command !== 'COM_STMT_PREPARE' && s.message.sql.command !== 'COM_STMT_CLOSE')
    .map((s) => s.message.sql.statement);

describe('post-create: the look-up is inside the transaction and locks the product', () => {
  it.each(LANGUAGES)('%s+postgres: BEGIN, SELECT … FOR KEY SHARE, INSERT, COMMIT', (lang) => {
    const sent = statements(lang, 'postgres');
    expect(sent[0]).toBe('BEGIN');
    expect(sent[1]).toBe('SELECT id FROM products WHERE id = $1 FOR KEY SHARE');
    expect(sent[2]).toMatch(/^INSERT INTO reviews /);
    expect(sent[3]).toBe('COMMIT');
  });

  it.each(LANGUAGES)('%s+mysql: START TRANSACTION, SELECT … LOCK IN SHARE MODE, INSERT, COMMIT', (lang) => {
    const sent = statements(lang, 'mysql');
    expect(sent[0]).toBe('START TRANSACTION');
    expect(sent[1]).toMatch(/^SELECT id FROM products WHERE id = (\?|42) LOCK IN SHARE MODE$/);
    expect(sent[2]).toMatch(/^INSERT INTO reviews /);
    expect(sent[3]).toBe('COMMIT');
  });
});

describe('on PostgreSQL', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = new PGlite();
    // The first 10,000 products (product 42 among them): all 2,000,000 take PGlite a minute.
    await pg.exec(postgresSetup(false, 10_000));
  }, 120_000);
  afterAll(async () => {
    await pg.close();
  });

  it('FOR KEY SHARE returns the id and takes a row lock (LockRows) in the transaction', async () => {
    await pg.exec('BEGIN');
    const found = await pg.query('SELECT id FROM products WHERE id = $1 FOR KEY SHARE', [42]);
    expect(found.rows).toEqual([{ id: 42 }]);
    const plan = await pg.query<{ 'QUERY PLAN': string }>(
      'EXPLAIN (COSTS OFF) SELECT id FROM products WHERE id = $1 FOR KEY SHARE',
      [42],
    );
    expect(plan.rows[0]?.['QUERY PLAN']).toBe('LockRows');
    await pg.exec('ROLLBACK');
  });

  it('a product with reviews cannot be deleted at all: the foreign key refuses it', async () => {
    await expect(pg.query('DELETE FROM products WHERE id = $1', [54])).rejects.toThrow(
      /violates foreign key constraint/,
    );
  });
});
