import { internal } from '../journey/EngineContext.ts';
import { databaseExchanges } from '../data/databaseExchanges.ts';
import { MYSQL_ROWS_ESTIMATE } from '../data/mysqlRowsEstimate.ts';
import type { DbExchange, MongoFindOne } from '../data/DbExchange.ts';
import type { DbOperation } from '../data/dbOperation.ts';
import { ADDRESS, DATABASE_INFO, PG_SCAN_WORKERS } from '../world/world.ts';
import { PRODUCT_COUNT } from '../data/shopData.ts';
import type { AppContext } from './AppContext.ts';
import { driverNarration } from '../stacks/driverNarration.ts';
import { groupDigits } from '../format/groupDigits.ts';
import { preparedWords, sqlRequestWords } from './sqlWords.ts';
import { extra } from '../extras/ExtraStages.ts';

/** Rows or documents as the driver hands them to the handler. */
export type DbRows = readonly Readonly<Record<string, unknown>>[];

/** How one operation shows in the timeline. */
export interface RunOptions {
  /** Slug for the query's step ids: "query" gives db-query, db-execute, db-query-result. */
  readonly slug?: string;
  /** A sentence saying why the handler asks, put before the narration of the query. */
  readonly purpose?: string;
}

/** The handler's call and the command the driver turns it into (the drivers' CRUD spec, or mongocxx's `limit`). */
function mongoCall(op: DbOperation, where: string, findOne: MongoFindOne): string {
  switch (op.kind) {
    case 'productById':
      return `The handler asks for one document (${findOne === 'limit' ? 'find_one' : 'findOne'}); the driver sends MongoDB at ${where} a find command with limit: 1${findOne === 'limit' ? '' : ' and singleBatch: true'}, so the server returns at most one document and keeps no cursor open.`;
    case 'productBySku':
      return `The driver sends MongoDB at ${where} a find command; every matching document fits in the reply's first batch.`;
    case 'userByEmail':
      return `The handler asks for one user (${findOne === 'limit' ? 'find_one' : 'findOne'}); the driver sends MongoDB at ${where} a find command on users with limit: 1${findOne === 'limit' ? '' : ' and singleBatch: true'}.`;
    case 'productPage':
      return `The driver sends MongoDB at ${where} a find command with the filter, sort and limit: ${op.limit} documents in _id order after ${op.after}.`;
    case 'insertReview':
      return `The handler calls insertOne; the driver gives the document its _id (a new ObjectId) and sends MongoDB at ${where} an insert command with it.`;
    case 'transaction':
      return '';
  }
}

/** What the handler sends, in words true of its database: a statement with parameters, or a BSON document. */
function requestWords(
  ctx: AppContext,
  op: DbOperation,
  ex: DbExchange,
  where: string,
): { narration: string; why?: string } {
  if (ctx.stack.db !== 'mongodb') return sqlRequestWords(ctx, op, ex, where);
  if (ex.id === 'more') {
    const q = ex.request.protocol === 'mongodb' ? ex.request.mongodb.command : {};
    return {
      narration: `The handler reads on past the first batch, so the driver sends a getMore with the cursor's id${'batchSize' in q ? `, asking for the ${String(q['batchSize'])} documents left of the limit` : ' and no batchSize: the server’s cursor remembers the limit'}.`,
      why: 'Performance: a cursor hands results over in batches, each a round trip; the first batch is 101 documents unless the find sets batchSize.',
    };
  }
  const doc =
    op.kind === 'insertReview'
      ? `The new review is a BSON document with typed fields: product_id ${op.productId} and rating ${op.rating} are numbers, body is a string.`
      : `The filter is a BSON document, ${extra(ctx.extras, 'mongodb').formatMongo(op.kind === 'productById' ? { _id: op.id } : op.kind === 'productBySku' ? { sku: op.sku } : op.kind === 'userByEmail' ? { email: op.email } : op.kind === 'productPage' ? { _id: { $gt: op.after } } : {})}, whose value travels typed (a ${op.kind === 'productBySku' || op.kind === 'userByEmail' ? 'string' : 'number'}): MongoDB has no query text to parse.`;
  return {
    narration: `${mongoCall(op, where, ctx.profile.mongoFindOne ?? 'single-batch')} ${doc}`,
    why: 'Security: MongoDB’s injection risk is an operator where a value belongs, such as {"$ne": null}; the handler only ever puts a number or a string there, because its input was checked for type first.',
  };
}

/**
 * Levels of the shop's B-trees on 2,000,000 rows (root, one inner level, leaves): PostgreSQL 15's
 * bt_metap reports level 2 at the root for products_pkey and products_sku_idx (tests/truth/bigTable.test.ts).
 */
const PG_INDEX_LEVELS = 3;

/** A full scan in words: PostgreSQL shares it among its leader and parallel workers, MySQL reads alone. */
function scanWords(name: string, db: string, examined: number, returned: number): string {
  const share =
    db === 'postgres'
      ? `the leader and ${PG_SCAN_WORKERS} parallel workers each read about a third of the table, and Gather collects what they find`
      : `one thread reads them one after another (MySQL does not split a query among threads); EXPLAIN's rows, ${groupDigits(MYSQL_ROWS_ESTIMATE)}, is InnoDB's estimate from a few sampled pages, not a count`;
  return `There is no index on sku, so ${name} reads every row of products and keeps the one that matches: ${share}. ${groupDigits(examined)} rows examined to return ${returned}.`;
}

/** The database planning and running a statement or command, in true words for what it is. */
function executeWords(ctx: AppContext, ex: DbExchange, op: DbOperation): { narration: string; why: string } {
  const { name } = DATABASE_INFO[ctx.stack.db];
  const mongo = ctx.stack.db === 'mongodb';
  if (op.kind === 'insertReview') {
    return mongo
      ? {
          narration:
            'MongoDB writes the document into reviews. A write to one document is atomic on its own, so no transaction is needed, and nothing checks that product_id names a real product.',
          why: 'Integrity: MongoDB has no foreign keys; the handler’s look-up before the insert is the only thing keeping reviews of products that do not exist out.',
        }
      : {
          narration: `${name} writes the row into reviews inside the open transaction, checking the table's constraints as it goes (NOT NULL, the rating's CHECK, the foreign key to products) and giving the row its id.`,
          why: 'Integrity: inside the transaction the insert is all or nothing: a broken constraint or a crash before COMMIT leaves no trace, and no other connection sees the row until COMMIT.',
        };
  }
  if (op.kind === 'productById' && op.lock && !mongo) {
    return {
      narration: `${name} finds product ${op.id} through the primary key and ${ctx.stack.db === 'postgres' ? 'takes a FOR KEY SHARE lock on its row: until this transaction ends, no other transaction can delete it or change its id, while updates of its price or stock, and other reviews, go on' : 'takes a shared lock on its row (LOCK IN SHARE MODE): until this transaction ends, no other transaction can delete or update it, while other reviews, which take the same shared lock, go on'}.`,
      why: 'Integrity: without the lock, another request could delete the product between this check and the insert; the foreign key would then refuse the insert and the client would get a 500 instead of the 404 the check promised. The foreign key’s own check takes the same lock during the INSERT, so the lock costs nothing extra.',
    };
  }
  const request = ex.request;
  const scan =
    request.protocol === 'sql'
      ? request.sql.plan === 'scan' &&
        scanWords(name, ctx.stack.db, request.sql.rowsExamined, ex.result.length)
      : request.protocol === 'mongodb' &&
        request.mongodb.plan === 'scan' &&
        `There is no index on sku, so MongoDB reads every document in products, one after another on one thread: ${groupDigits(request.mongodb.docsExamined)} examined to return ${ex.result.length}.`;
  const depth =
    ctx.stack.db === 'postgres' &&
    op.kind === 'productBySku' &&
    request.protocol === 'sql' &&
    request.sql.plan === 'index'
      ? ` Its B-tree on sku has ${PG_INDEX_LEVELS} levels for ${groupDigits(PRODUCT_COUNT)} rows (root, inner pages, leaves): ${PG_INDEX_LEVELS} index pages and one table page are all it reads.`
      : '';
  return {
    narration:
      scan ||
      `${name} ${mongo ? 'picks a plan for the query' : 'plans the statement'} and runs it: ${ex.plan?.summary.toLowerCase() ?? ''}.${depth}`,
    why: `Performance: the plan, not the ${mongo ? 'filter' : 'query text'}, decides whether this takes microseconds or reads the whole ${mongo ? 'collection' : 'table'}.`,
  };
}

/** BEGIN, COMMIT or ROLLBACK in words: what the handler asks, and what the database's answer means. */
function transactionWords(
  op: DbOperation,
  name: string,
  unawaited: string | undefined,
): { request: string; result: string } {
  if (op.kind !== 'transaction') return { request: '', result: '' };
  switch (op.control) {
    case 'begin':
      return {
        request:
          'The handler opens a transaction before it looks the product up, so that the check and the insert are one unit: the look-up’s lock holds until COMMIT or ROLLBACK.',
        result: 'a transaction is now open on this connection.',
      };
    case 'commit':
      if (unawaited)
        return {
          request: `COMMIT makes the insert permanent: ${name} writes it to its log on disk before it answers, and releases the product's lock. But here ${unawaited} and returns at once: nothing in the handler waits for the answer.`,
          result: `the new review is durable and visible to everyone, after the 201 has already left the app. Had COMMIT failed, the client would still have its 201: the framework only logs the failure, and a commit callback (setCommitCallback) is the only way the code could learn of it.`,
        };
      return {
        request: `COMMIT makes the insert permanent: ${name} writes it to its log on disk before it answers, and releases the product's lock.`,
        result: 'the new review is durable and visible to everyone.',
      };
    case 'rollback':
      return {
        request:
          'The product does not exist, so the handler leaves the transaction with ROLLBACK (its framework does it when the 404 is raised inside the transaction block): nothing was written.',
        result: 'the transaction is over and the connection is clean for the next request.',
      };
  }
}

/** What the database answers, in words: rows, documents, or the outcome of a write. */
function resultWords(ctx: AppContext, ex: DbExchange, op: DbOperation): string {
  const { name } = DATABASE_INFO[ctx.stack.db];
  const driver = driverNarration(
    ctx.profile,
    ctx.stack.db,
    op.kind === 'insertReview' ? 'inserted' : ex.result.length,
  );
  if (op.kind !== 'insertReview') {
    return `${name} sends back ${ex.response?.summary ?? ''}${ex.result.length === 0 ? ': nothing matches' : ''}. ${driver}`;
  }
  const id = String(ex.result[0]?.['id'] ?? '');
  switch (ctx.stack.db) {
    case 'postgres':
      return `PostgreSQL answers INSERT 0 1 and, because the statement says RETURNING id, the new row's id: ${id}. ${driver}`;
    case 'mysql':
      return `MySQL answers "1 row affected"; its OK packet carries the id AUTO_INCREMENT gave the row: ${id}. ${driver}`;
    case 'mongodb':
      return `MongoDB answers { n: 1, ok: 1 }: one document inserted, ObjectId('${id}'). ${driver}`;
  }
}

/**
 * Runs one operation's round trips on a checked-out connection (a MySQL driver's prepare and close
 * around its statement where it has them) and returns the rows of its statement. Inserts advance the database's
 * row counts, so a later insert gets the next id.
 */
export function runOperation(ctx: AppContext, op: DbOperation, options: RunOptions = {}): DbRows {
  const { b, stack } = ctx;
  const info = DATABASE_INFO[stack.db];
  const where = `${ADDRESS.db}:${info.port}`;
  const slug = options.slug ?? 'query';
  let result: DbRows = [];
  const mysql = { mode: ctx.profile.mysqlStatements.mode, statementId: ctx.database.prepared + 1 };
  const exchanges = databaseExchanges(
    stack.db,
    ctx.extras,
    op,
    ctx.scenario.skuIndex,
    ctx.database.reviews,
    mysql,
    ctx.profile.mongoFindOne,
    ctx.profile.mongoGetMore,
  );
  for (const ex of exchanges) {
    const tx = op.kind === 'transaction';
    const prepared = ex.id === 'prepare' || ex.id === 'close' ? preparedWords(ctx, ex, where) : null;
    const id = ex.id === 'query' ? slug : prepared ? `${slug}-${ex.id}` : ex.id;
    const sent = prepared?.request ?? (tx ? null : requestWords(ctx, op, ex, where));
    const leaves = b.now();
    b.hop(ctx.app, 'db', 'request', {
      id: `db-${id}`,
      phase: 'database',
      title: ex.request.summary,
      narration: sent
        ? `${options.purpose && ex.id !== 'close' && !(ex.id === 'query' && mysql.mode === 'prepare') ? `${options.purpose} ` : ''}${sent.narration}`
        : transactionWords(op, info.name, ctx.profile.commitUnawaited).request,
      ...(sent?.why ? { why: sent.why } : {}),
      message: ex.request,
    });
    if (ex.id === 'prepare') ctx.database.prepared++;
    if (!ex.response) {
      b.rewind(leaves); // nothing comes back: the app goes on at once
      continue;
    }
    if (ctx.scenario.faults.databaseSlow && ex.id === 'query')
      extra(ctx.extras, 'databaseFaults').diskQueue(ctx);
    if (ex.plan) {
      const run = executeWords(ctx, ex, op);
      b.local('db', ex.costMs, {
        id: id === 'query' ? 'db-execute' : `db-execute-${id}`,
        phase: 'database',
        title: ex.plan.summary,
        narration: run.narration,
        why: run.why,
        message: internal(ex.plan.summary, ex.plan.text),
        ...(ex.counts
          ? {
              changes: Object.entries(ex.counts).map(([table, n]) => ({
                node: 'db',
                key: table,
                value: `${groupDigits(n)} ${stack.db === 'mongodb' ? 'documents' : 'rows'}`,
              })),
            }
          : {}),
      });
    } else {
      b.wait(ex.costMs);
    }
    b.hop('db', ctx.app, 'response', {
      id: `db-${id}-result`,
      phase: 'database',
      title: ex.response.summary,
      narration: prepared
        ? prepared.result.narration
        : tx
          ? `${info.name} answers ${ex.response.summary}: ${transactionWords(op, info.name, ctx.profile.commitUnawaited).result}`
          : resultWords(ctx, ex, op),
      message: ex.response,
    });
    if (ex.id === 'query') result = ex.result;
    if (ex.id === 'more') result = [...result, ...ex.result];
    if (ex.counts?.['reviews'] !== undefined) ctx.database.reviews = ex.counts['reviews'];
  }
  return result;
}
