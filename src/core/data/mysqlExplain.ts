import type { DbOperation } from './dbOperation.ts';

import { MYSQL_ROWS_ESTIMATE } from './mysqlRowsEstimate.ts';

export { MYSQL_ROWS_ESTIMATE };

const FIELDS = [
  'id',
  'select_type',
  'table',
  'partitions',
  'type',
  'possible_keys',
  'key',
  'key_len',
  'ref',
  'rows',
  'filtered',
  'Extra',
] as const;

/** MySQL's `EXPLAIN ... \\G` of a one-table statement: each of its fields on a line, NULL where not given. */
const explainRow = (fields: Partial<Record<(typeof FIELDS)[number], string>>): string =>
  [
    '*************************** 1. row ***************************',
    ...FIELDS.map((k) => `${k.padStart(13)}: ${k === 'id' ? '1' : (fields[k] ?? 'NULL')}`),
  ].join('\n');

/** MySQL's `EXPLAIN ... \\G` for a single-table SELECT on products. */
const explainSelect = (type: string, key: string | null, rows: number, extra: string | null): string =>
  explainRow({
    select_type: 'SIMPLE',
    table: 'products',
    type,
    ...(key ? { possible_keys: key, key, ref: 'const' } : {}),
    ...(key ? { key_len: key === 'PRIMARY' ? '4' : '402' } : {}),
    rows: String(rows),
    filtered: key ? '100.00' : '10.00',
    ...(extra ? { Extra: extra } : {}),
  });

/**
 * MySQL's `EXPLAIN` when a lookup by a unique key finds no row: the optimizer reads the const row while
 * planning, finds none, and plans nothing.
 */
const NO_CONST_ROW = explainRow({ select_type: 'SIMPLE', Extra: 'no matching row in const table' });

/**
 * A product by its primary key (a const row, read from the index alone when the review's transaction locks
 * it) or by sku: a ref on products_sku_idx, or without it a scan of the whole table.
 */
export function mysqlProductPlan(
  op: Extract<DbOperation, { kind: 'productById' | 'productBySku' }>,
  found: boolean,
  skuIndex: boolean,
): string {
  if (op.kind === 'productById')
    return found
      ? explainSelect('const', 'PRIMARY', 1, op.lock === true ? 'Using index' : null)
      : NO_CONST_ROW;
  return skuIndex
    ? explainSelect('ref', 'products_sku_idx', 1, null)
    : explainSelect('ALL', null, MYSQL_ROWS_ESTIMATE, 'Using where');
}

/**
 * MySQL 8's `EXPLAIN` for the catalogue's page: a range on the primary key read in its order, so no sort; `rows`
 * is the optimizer's estimate for the range, which covers the whole table (InnoDB's estimate of its rows), before
 * LIMIT stops the read.
 */
export const MYSQL_PAGE_PLAN = explainRow({
  select_type: 'SIMPLE',
  table: 'products',
  type: 'range',
  possible_keys: 'PRIMARY',
  key: 'PRIMARY',
  key_len: '4',
  rows: String(MYSQL_ROWS_ESTIMATE),
  filtered: '100.00',
  Extra: 'Using where',
});

export const MYSQL_INSERT_PLAN = explainRow({ select_type: 'INSERT', table: 'reviews', type: 'ALL' });

/** The login's look-up: MySQL names a UNIQUE column's index after the column; found, the const row is read while planning. */
export const mysqlUserPlan = (found: boolean): string =>
  found
    ? explainRow({
        select_type: 'SIMPLE',
        table: 'users',
        type: 'const',
        possible_keys: 'email',
        key: 'email',
        key_len: '402',
        ref: 'const',
        rows: '1',
        filtered: '100.00',
      })
    : NO_CONST_ROW;
