import type { Message, SqlQuery } from '../model/messages.ts';
import { COST_MS, PG_SCAN_WORKERS } from '../world/world.ts';
import { formatMysql, formatPsql } from '../protocols/formatRows.ts';
import type { DbExchange, MysqlStatements } from './DbExchange.ts';
import type { DbOperation, TransactionControl } from './dbOperation.ts';
import { PRODUCT_COUNT, REVIEW_COUNT, USER, productFound, productRow } from './shopData.ts';
import { COLUMNS, SQL, USER_COLUMNS } from './sqlStatements.ts';
import { extra } from '../extras/ExtraStages.ts';
import type { Extras } from '../extras/ExtraStages.ts';
import {
  POSTGRES_INSERT_PLAN,
  postgresPagePlan,
  postgresProductPlan,
  postgresUserPlan,
} from './postgresExplain.ts';
import { groupDigits } from '../format/groupDigits.ts';

type Dialect = 'postgres' | 'mysql';
type Row = SqlQuery['rows'][number];

/** How long the database reads every product (to 0.1 ms): PostgreSQL splits the scan among its leader and workers. */
function fullScanMs(dialect: Dialect): number {
  const rowsRead = COST_MS.rowScan * PRODUCT_COUNT;
  const ms = dialect === 'postgres' ? COST_MS.workerLaunch + rowsRead / (PG_SCAN_WORKERS + 1) : rowsRead;
  return Math.round(ms * 10) / 10;
}

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

/** One statement's round trip, before its driver puts it on the wire. */
interface Statement {
  readonly statement: string;
  readonly params: SqlQuery['params'];
  /** How the database reaches the rows, and how many it reads. */
  readonly access: SqlQuery['plan'];
  readonly examined: number;
  /** The request's summary. */
  readonly asks: string;
  readonly plan: DbExchange['plan'];
  readonly costMs: number;
  /** The rows in the answer, its text (a client's table, or its status line) and its summary. */
  readonly rows: readonly Row[];
  readonly text: string;
  readonly answers: string;
  /** What the handler gets, when not the answer's rows, and the counts the statement changes. */
  readonly result?: DbExchange['result'];
  readonly counts?: DbExchange['counts'];
}

function exchange(dialect: Dialect, s: Statement): DbExchange {
  const asked = (rows: readonly Row[], text: string, summary: string): Message =>
    message(dialect, s.statement, s.params, rows, s.access, s.examined, text, summary);
  return {
    id: 'query',
    request: asked([], s.statement, s.asks),
    plan: s.plan,
    costMs: s.costMs,
    response: asked(s.rows, s.text, s.answers),
    result: s.result ?? s.rows,
    ...(s.counts ? { counts: s.counts } : {}),
  };
}

const rowCount = (rows: readonly Row[]): string => (rows.length === 1 ? '1 row' : `${rows.length} rows`);

/**
 * The round trips a SQL database makes for an operation, with the rows it really returns; an insert
 * gets the id after the `reviews` rows already there.
 */
export function sqlExchanges(
  dialect: Dialect,
  extras: Extras,
  op: DbOperation,
  skuIndex: boolean,
  reviews: number = REVIEW_COUNT,
  mysql: { readonly mode: MysqlStatements; readonly statementId: number } = {
    mode: 'prepare',
    statementId: 1,
  },
): DbExchange[] {
  const pg = dialect === 'postgres';
  // MySQL's drivers and plans are the `mysql` extra: the first view's PostgreSQL does without them.
  const my = pg ? null : extra(extras, 'mysql');
  const wire = (s: Statement, columns: number): DbExchange[] =>
    my
      ? my.mysqlOnTheWire(exchange(dialect, s), mysql.mode, mysql.statementId, columns)
      : [exchange(dialect, s)];
  switch (op.kind) {
    case 'productById':
    case 'productBySku': {
      const byId = op.kind === 'productById';
      const id = productFound(op);
      const locks = op.kind === 'productById' && op.lock === true;
      const columns = locks ? ['id'] : COLUMNS;
      const rows: Row[] = id === null ? [] : [locks ? { id } : { ...productRow(id) }];
      const indexed = byId || skuIndex;
      const scanned = pg ? 'Parallel scan' : 'Full scan';
      return wire(
        {
          statement: (byId ? (locks ? SQL.productForReview : SQL.productById) : SQL.productBySku)[dialect],
          params: [byId ? op.id : op.sku],
          access: indexed ? 'index' : 'scan',
          examined: indexed ? rows.length : PRODUCT_COUNT,
          asks: byId ? `SELECT product ${op.id}${locks ? ', locked' : ''}` : `SELECT sku ${op.sku}`,
          plan: {
            text: my ? my.mysqlProductPlan(op, id !== null, skuIndex) : postgresProductPlan(op, skuIndex),
            summary: indexed
              ? `Index lookup on ${byId ? 'the primary key' : 'sku'}`
              : `${scanned} of ${groupDigits(PRODUCT_COUNT)} rows`,
          },
          costMs: COST_MS.queryPlan + (indexed ? COST_MS.indexLookup : fullScanMs(dialect)),
          rows,
          text: table(dialect, columns, rows),
          answers: rowCount(rows),
        },
        columns.length,
      );
    }
    case 'productPage': {
      const ids = Array.from({ length: op.limit }, (_, i) => op.after + 1 + i).filter(
        (id) => id <= PRODUCT_COUNT,
      );
      const rows: Row[] = ids.map((id) => ({ ...productRow(id) }));
      return wire(
        {
          statement: SQL.productPage[dialect],
          params: [op.after],
          access: 'index',
          examined: rows.length,
          asks: `SELECT page after ${op.after}`,
          plan: {
            text: my ? my.MYSQL_PAGE_PLAN : postgresPagePlan(op.after),
            summary: `Walk the primary key from id ${op.after + 1}, stop after ${op.limit}`,
          },
          costMs: COST_MS.queryPlan + COST_MS.indexLookup + COST_MS.rowScan * rows.length,
          rows,
          text: table(dialect, COLUMNS, rows),
          answers: `${rows.length} rows`,
        },
        COLUMNS.length,
      );
    }
    case 'insertReview': {
      const newId = reviews + 1;
      return wire(
        {
          statement: SQL.insertReview[dialect],
          params: [op.productId, op.rating, op.body],
          access: 'none',
          examined: 0,
          asks: 'INSERT review',
          plan: {
            text: my ? my.MYSQL_INSERT_PLAN : POSTGRES_INSERT_PLAN,
            summary: 'Insert one row, check the foreign key',
          },
          costMs: COST_MS.insertRow,
          rows: pg ? [{ id: newId }] : [],
          text: pg ? formatPsql(['id'], [{ id: newId }]) + '\nINSERT 0 1' : 'Query OK, 1 row affected',
          answers: pg ? `INSERT 0 1, id ${newId}` : `1 row affected, insertId ${newId}`,
          result: [{ id: newId }],
          counts: { reviews: newId },
        },
        0,
      );
    }
    case 'userByEmail': {
      const rows: Row[] = op.email === USER.email ? [{ ...USER }] : [];
      return wire(
        {
          statement: SQL.userByEmail[dialect],
          params: [op.email],
          access: 'index',
          examined: rows.length,
          asks: `SELECT user ${op.email}`,
          plan: {
            text: my ? my.mysqlUserPlan(rows.length > 0) : postgresUserPlan(op.email),
            summary: 'Index lookup on the unique email',
          },
          costMs: COST_MS.queryPlan + COST_MS.indexLookup,
          rows,
          text: table(dialect, USER_COLUMNS, rows),
          answers: rows.length === 1 ? '1 row' : '0 rows',
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
