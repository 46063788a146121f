import type { Message, SqlQuery } from '../model/messages.ts';
import { COST_MS, PG_SCAN_WORKERS } from '../world/world.ts';
import { formatMysql, formatPsql } from '../protocols/formatRows.ts';
import type { DbExchange, MysqlStatements } from './DbExchange.ts';
import { mysqlOnTheWire } from './mysqlOnTheWire.ts';
import type { DbOperation, TransactionControl } from './dbOperation.ts';
import { CATALOG_PAGE, PRODUCT_COUNT, REVIEW_COUNT, USER, productRow } from './shopData.ts';
import { groupDigits } from '../format/groupDigits.ts';

type Dialect = 'postgres' | 'mysql';
type Row = SqlQuery['rows'][number];

const COLUMNS = ['id', 'sku', 'name', 'price_cents', 'stock'];
const USER_COLUMNS = ['id', 'email', 'name', 'password_hash'];
const SELECT = `SELECT ${COLUMNS.join(', ')} FROM products WHERE`;

/** The statements the handlers send, in each dialect's placeholder style. */
export const SQL = {
  productById: { postgres: `${SELECT} id = $1`, mysql: `${SELECT} id = ?` },
  productBySku: { postgres: `${SELECT} sku = $1`, mysql: `${SELECT} sku = ?` },
  /**
   * The catalogue's page: keyset pagination on the primary key (`after` is the last id the page before ended on).
   * Every column, in the table's order: the same five as the look-ups name.
   */
  productPage: {
    postgres: `SELECT * FROM products WHERE id > $1 ORDER BY id LIMIT ${CATALOG_PAGE}`,
    mysql: `SELECT * FROM products WHERE id > ? ORDER BY id LIMIT ${CATALOG_PAGE}`,
  },
  /**
   * The review's look-up inside its transaction, which needs only to know the row is there: the weakest lock that keeps the row from being deleted
   * (or its id changed) until COMMIT, the very lock the foreign key's check takes during the INSERT.
   * MySQL has no key-share lock; `LOCK IN SHARE MODE` (what Laravel's sharedLock() writes; MySQL 8's
   * `FOR SHARE` is its synonym, which MariaDB 10.11 and node-sql-parser do not accept) also blocks updates.
   */
  productForReview: {
    postgres: 'SELECT id FROM products WHERE id = $1 FOR KEY SHARE',
    mysql: 'SELECT id FROM products WHERE id = ? LOCK IN SHARE MODE',
  },
  insertReview: {
    postgres: 'INSERT INTO reviews (product_id, rating, body) VALUES ($1, $2, $3) RETURNING id',
    mysql: 'INSERT INTO reviews (product_id, rating, body) VALUES (?, ?, ?)',
  },
  /** The login's look-up: users.email is UNIQUE, so its index finds at most one row. */
  userByEmail: {
    postgres: `SELECT ${USER_COLUMNS.join(', ')} FROM users WHERE email = $1`,
    mysql: `SELECT ${USER_COLUMNS.join(', ')} FROM users WHERE email = ?`,
  },
  begin: { postgres: 'BEGIN', mysql: 'START TRANSACTION' },
  commit: { postgres: 'COMMIT', mysql: 'COMMIT' },
  rollback: { postgres: 'ROLLBACK', mysql: 'ROLLBACK' },
} as const;

/**
 * The planner's estimates, as EXPLAIN prints them for the shop's tables of PRODUCT_COUNT products:
 * PostgreSQL 15 (Debian 12) after VACUUM ANALYZE, checked by tests/truth/bigTable.test.ts. A unique sku
 * is estimated at one row (rows=1); the scan's cost is its 16,667 pages and 2,000,000 rows, shared by the
 * leader and two workers.
 */
const PG_COSTS = {
  lookup: '(cost=0.43..8.45 rows=1 width=36)',
  lockRows: '(cost=0.43..8.46 rows=1 width=10)',
  lockedLookup: '(cost=0.43..8.45 rows=1 width=10)',
  gather: '(cost=1000.00..28083.77 rows=1 width=36)',
  parallelScan: '(cost=0.00..27083.67 rows=1 width=36)',
  /** The same on PostgreSQL 15 and PGlite's 18, whatever the tables hold. */
  insert: '(cost=0.00..0.01 rows=1 width=42)',
} as const;

/**
 * MySQL's EXPLAIN `rows` for a full scan is InnoDB's estimate of the table's rows from sampled pages, not
 * a count (it samples 20 pages, so each ANALYZE TABLE gives a slightly different number): MariaDB 10.11
 * (Debian 12) estimated this for the 2,000,000 products, and MySQL 8 reads the same InnoDB statistics.
 */
export const MYSQL_ROWS_ESTIMATE = 1_993_345;

/** How long the database reads every product (to 0.1 ms): PostgreSQL splits the scan among its leader and workers. */
function fullScanMs(dialect: Dialect): number {
  const rowsRead = COST_MS.rowScan * PRODUCT_COUNT;
  const ms = dialect === 'postgres' ? COST_MS.workerLaunch + rowsRead / (PG_SCAN_WORKERS + 1) : rowsRead;
  return Math.round(ms * 10) / 10;
}

const explainRow = (fields: readonly (readonly [string, string])[]): string =>
  [
    '*************************** 1. row ***************************',
    ...fields.map(([k, v]) => `${k.padStart(13)}: ${v}`),
  ].join('\n');

/** MySQL's `EXPLAIN ... \\G` for a single-table SELECT on products. */
const mysqlExplain = (type: string, key: string | null, rows: number, extra: string | null): string =>
  explainRow([
    ['id', '1'],
    ['select_type', 'SIMPLE'],
    ['table', 'products'],
    ['partitions', 'NULL'],
    ['type', type],
    ['possible_keys', key ?? 'NULL'],
    ['key', key ?? 'NULL'],
    ['key_len', key === 'PRIMARY' ? '4' : key ? '402' : 'NULL'],
    ['ref', key ? 'const' : 'NULL'],
    ['rows', String(rows)],
    ['filtered', key ? '100.00' : '10.00'],
    ['Extra', extra ?? 'NULL'],
  ]);

/**
 * MySQL's `EXPLAIN` when a primary-key lookup finds no row: the optimizer reads the const row while
 * planning, finds none, and plans nothing.
 */
const MYSQL_EXPLAIN_NO_CONST_ROW = explainRow([
  ['id', '1'],
  ['select_type', 'SIMPLE'],
  ...['table', 'partitions', 'type', 'possible_keys', 'key', 'key_len', 'ref', 'rows', 'filtered'].map(
    (k) => [k, 'NULL'] as const,
  ),
  ['Extra', 'no matching row in const table'],
]);

/**
 * MySQL 8's `EXPLAIN` for the catalogue's page: a range on the primary key read in its order, so no sort; `rows`
 * is the optimizer's estimate for the range, which covers the whole table (InnoDB's estimate of its rows), before
 * LIMIT stops the read.
 */
const MYSQL_EXPLAIN_PAGE = explainRow([
  ['id', '1'],
  ['select_type', 'SIMPLE'],
  ['table', 'products'],
  ['partitions', 'NULL'],
  ['type', 'range'],
  ['possible_keys', 'PRIMARY'],
  ['key', 'PRIMARY'],
  ['key_len', '4'],
  ['ref', 'NULL'],
  ['rows', String(MYSQL_ROWS_ESTIMATE)],
  ['filtered', '100.00'],
  ['Extra', 'Using where'],
]);

const MYSQL_EXPLAIN_INSERT = explainRow([
  ['id', '1'],
  ['select_type', 'INSERT'],
  ['table', 'reviews'],
  ['partitions', 'NULL'],
  ['type', 'ALL'],
  ['possible_keys', 'NULL'],
  ['key', 'NULL'],
  ['key_len', 'NULL'],
  ['ref', 'NULL'],
  ['rows', 'NULL'],
  ['filtered', 'NULL'],
  ['Extra', 'NULL'],
]);

function message(
  dialect: Dialect,
  statement: string,
  params: SqlQuery['params'],
  rows: readonly Row[],
  plan: SqlQuery['plan'],
  examined: number,
  text: string,
  summary: string,
): Message {
  return {
    protocol: 'sql',
    summary,
    text,
    sql: {
      dialect,
      statement,
      params,
      rows,
      plan,
      rowsExamined: examined,
      ...(dialect === 'mysql' ? { command: 'COM_QUERY' as const } : {}),
    },
  };
}

const table = (dialect: Dialect, columns: readonly string[], rows: readonly Row[]): string =>
  dialect === 'postgres' ? formatPsql(columns, rows) : formatMysql(columns, rows);

/**
 * The round trips a SQL database makes for an operation, with the rows it really returns; an insert
 * gets the id after the `reviews` rows already there.
 */
export function sqlExchanges(
  dialect: Dialect,
  op: DbOperation,
  skuIndex: boolean,
  reviews: number = REVIEW_COUNT,
  mysql: { readonly mode: MysqlStatements; readonly statementId: number } = {
    mode: 'prepare',
    statementId: 1,
  },
): DbExchange[] {
  const pg = dialect === 'postgres';
  const wire = (ex: DbExchange, columns: number): DbExchange[] =>
    pg ? [ex] : mysqlOnTheWire(ex, mysql.mode, mysql.statementId, columns);
  switch (op.kind) {
    case 'productById':
    case 'productBySku': {
      const byId = op.kind === 'productById';
      const id = byId ? op.id : Number(op.sku.slice(4));
      const found =
        Number.isInteger(id) && id >= 1 && id <= PRODUCT_COUNT && (byId || op.sku === productRow(id).sku);
      const locks = op.kind === 'productById' && op.lock === true;
      const columns = locks ? ['id'] : COLUMNS;
      const rows: Row[] = found ? [locks ? { id } : { ...productRow(id) }] : [];
      const statement = (byId ? (locks ? SQL.productForReview : SQL.productById) : SQL.productBySku)[dialect];
      const param = byId ? op.id : op.sku;
      const indexed = byId || skuIndex;
      const examined = indexed ? rows.length : PRODUCT_COUNT;
      const literal = byId ? '' : `'${op.sku.replace(/'/g, "''")}'::text`;
      const pgPlan = byId
        ? locks
          ? `LockRows  ${PG_COSTS.lockRows}\n  ->  Index Scan using products_pkey on products  ${PG_COSTS.lockedLookup}\n        Index Cond: (id = ${op.id})`
          : `Index Scan using products_pkey on products  ${PG_COSTS.lookup}\n  Index Cond: (id = ${op.id})`
        : skuIndex
          ? `Index Scan using products_sku_idx on products  ${PG_COSTS.lookup}\n  Index Cond: (sku = ${literal})`
          : `Gather  ${PG_COSTS.gather}\n  Workers Planned: ${PG_SCAN_WORKERS}\n  ->  Parallel Seq Scan on products  ${PG_COSTS.parallelScan}\n        Filter: (sku = ${literal})`;
      const myPlan = byId
        ? found
          ? mysqlExplain('const', 'PRIMARY', 1, locks ? 'Using index' : null)
          : MYSQL_EXPLAIN_NO_CONST_ROW
        : skuIndex
          ? mysqlExplain('ref', 'products_sku_idx', 1, null)
          : mysqlExplain('ALL', null, MYSQL_ROWS_ESTIMATE, 'Using where');
      const cost = indexed ? COST_MS.indexLookup : fullScanMs(dialect);
      const summary = rows.length === 1 ? '1 row' : `${rows.length} rows`;
      return wire(
        {
          id: 'query',
          request: message(
            dialect,
            statement,
            [param],
            [],
            indexed ? 'index' : 'scan',
            examined,
            statement,
            byId ? `SELECT product ${op.id}${locks ? ', locked' : ''}` : `SELECT sku ${op.sku}`,
          ),
          plan: {
            text: pg ? pgPlan : myPlan,
            summary: indexed
              ? byId
                ? 'Index lookup on the primary key'
                : 'Index lookup on sku'
              : pg
                ? `Parallel scan of ${groupDigits(PRODUCT_COUNT)} rows`
                : `Full scan of ${groupDigits(PRODUCT_COUNT)} rows`,
          },
          costMs: COST_MS.queryPlan + cost,
          response: message(
            dialect,
            statement,
            [param],
            rows,
            indexed ? 'index' : 'scan',
            examined,
            table(dialect, columns, rows),
            summary,
          ),
          result: rows,
        },
        columns.length,
      );
    }
    case 'productPage': {
      const ids = Array.from({ length: op.limit }, (_, i) => op.after + 1 + i).filter(
        (id) => id <= PRODUCT_COUNT,
      );
      const rows: Row[] = ids.map((id) => ({ ...productRow(id) }));
      const statement = SQL.productPage[dialect];
      const params = [op.after];
      const summary = `${rows.length} rows`;
      return wire(
        {
          id: 'query',
          request: message(
            dialect,
            statement,
            params,
            [],
            'index',
            rows.length,
            statement,
            `SELECT page after ${op.after}`,
          ),
          plan: {
            text: pg
              ? `Limit\n  ->  Index Scan using products_pkey on products\n        Index Cond: (id > ${op.after})`
              : MYSQL_EXPLAIN_PAGE,
            summary: `Walk the primary key from id ${op.after + 1}, stop after ${op.limit}`,
          },
          costMs: COST_MS.queryPlan + COST_MS.indexLookup + COST_MS.rowScan * rows.length,
          response: message(
            dialect,
            statement,
            params,
            rows,
            'index',
            rows.length,
            table(dialect, COLUMNS, rows),
            summary,
          ),
          result: rows,
        },
        COLUMNS.length,
      );
    }
    case 'insertReview': {
      const newId = reviews + 1;
      const params = [op.productId, op.rating, op.body];
      const insertText = pg
        ? formatPsql(['id'], [{ id: newId }]) + '\nINSERT 0 1'
        : 'Query OK, 1 row affected';
      return wire(
        {
          id: 'query',
          request: message(
            dialect,
            SQL.insertReview[dialect],
            params,
            [],
            'none',
            0,
            SQL.insertReview[dialect],
            'INSERT review',
          ),
          plan: pg
            ? {
                text: `Insert on reviews  ${PG_COSTS.insert}\n  ->  Result  ${PG_COSTS.insert}`,
                summary: 'Insert one row, check the foreign key',
              }
            : { text: MYSQL_EXPLAIN_INSERT, summary: 'Insert one row, check the foreign key' },
          costMs: COST_MS.insertRow,
          response: message(
            dialect,
            SQL.insertReview[dialect],
            params,
            pg ? [{ id: newId }] : [],
            'none',
            0,
            insertText,
            pg ? `INSERT 0 1, id ${newId}` : `1 row affected, insertId ${newId}`,
          ),
          result: [{ id: newId }],
          counts: { reviews: newId },
        },
        0,
      );
    }
    case 'userByEmail': {
      const rows: Row[] = op.email === USER.email ? [{ ...USER }] : [];
      const statement = SQL.userByEmail[dialect];
      const literal = `'${op.email.replace(/'/g, "''")}'`;
      // MySQL names a UNIQUE column's index after the column; found, the const row is read while planning.
      const myPlan = rows.length
        ? explainRow([
            ['id', '1'],
            ['select_type', 'SIMPLE'],
            ['table', 'users'],
            ['partitions', 'NULL'],
            ['type', 'const'],
            ['possible_keys', 'email'],
            ['key', 'email'],
            ['key_len', '402'],
            ['ref', 'const'],
            ['rows', '1'],
            ['filtered', '100.00'],
            ['Extra', 'NULL'],
          ])
        : MYSQL_EXPLAIN_NO_CONST_ROW;
      return wire(
        {
          id: 'query',
          request: message(
            dialect,
            statement,
            [op.email],
            [],
            'index',
            rows.length,
            statement,
            `SELECT user ${op.email}`,
          ),
          plan: {
            text: pg
              ? `Index Scan using users_email_key on users\n  Index Cond: (email = ${literal}::text)`
              : myPlan,
            summary: 'Index lookup on the unique email',
          },
          costMs: COST_MS.queryPlan + COST_MS.indexLookup,
          response: message(
            dialect,
            statement,
            [op.email],
            rows,
            'index',
            rows.length,
            table(dialect, USER_COLUMNS, rows),
            rows.length === 1 ? '1 row' : '0 rows',
          ),
          result: rows,
        },
        USER_COLUMNS.length,
      );
    }
    case 'transaction':
      return [transaction(dialect, op.control)];
  }
}

/** BEGIN (START TRANSACTION), COMMIT or ROLLBACK and the database's answer: a COMMIT waits for the log's flush. */
function transaction(dialect: Dialect, control: TransactionControl): DbExchange {
  const pg = dialect === 'postgres';
  const statement = SQL[control][dialect];
  const cost = control === 'commit' ? COST_MS.commit : COST_MS.middleware;
  return {
    id: control,
    request: message(dialect, statement, [], [], 'none', 0, statement, statement),
    plan: null,
    costMs: cost,
    response: message(
      dialect,
      statement,
      [],
      [],
      'none',
      0,
      pg ? statement : 'Query OK, 0 rows affected',
      pg ? statement : 'OK',
    ),
    result: [],
  };
}
