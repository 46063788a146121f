import { internal } from '../journey/EngineContext.ts';
import { databaseExchanges } from '../data/databaseExchanges.ts';
import type { DbExchange } from '../data/DbExchange.ts';
import type { DbOperation } from '../data/dbOperation.ts';
import { formatMongo } from '../protocols/formatMongo.ts';
import { ADDRESS, DATABASE_INFO } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { driverNarration } from '../stacks/driverNarration.ts';
import { groupDigits } from '../format/groupDigits.ts';
import { preparedWords, sqlRequestWords } from './sqlWords.ts';
import { diskQueue } from './diskQueue.ts';

/** Rows or documents as the driver hands them to the handler. */
export type DbRows = readonly Readonly<Record<string, unknown>>[];

/** How one operation shows in the timeline. */
export interface RunOptions {
  /** Slug for the query's step ids: "query" gives db-query, db-execute, db-query-result. */
  readonly slug?: string;
  /** A sentence saying why the handler asks, put before the narration of the query. */
  readonly purpose?: string;
}

/** The handler's call and the command the driver turns it into (the drivers' CRUD spec). */
function mongoCall(op: DbOperation, where: string): string {
  switch (op.kind) {
    case 'productById':
      return `The handler asks for one document (findOne); the driver sends MongoDB at ${where} a find command with limit: 1 and singleBatch: true, so the server returns at most one document and keeps no cursor open.`;
    case 'productBySku':
      return `The driver sends MongoDB at ${where} a find command; every matching document fits in the reply's first batch.`;
    case 'insertReview':
      return `The handler calls insertOne; the driver gives the document its _id (a new ObjectId) and sends MongoDB at ${where} an insert command with it.`;
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
  const doc =
    op.kind === 'insertReview'
      ? `The new review is a BSON document with typed fields: product_id ${op.productId} and rating ${op.rating} are numbers, body is a string.`
      : `The filter is a BSON document, ${formatMongo(op.kind === 'productById' ? { _id: op.id } : { sku: op.sku })}, whose value travels typed (a ${op.kind === 'productById' ? 'number' : 'string'}): MongoDB has no query text to parse.`;
  return {
    narration: `${mongoCall(op, where)} ${doc}`,
    why: 'Security: MongoDB’s injection risk is an operator where a value belongs, such as {"$ne": null}; the handler only ever puts a number or a string there, because its input was checked for type first.',
  };
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
  const request = ex.request;
  const scan =
    request.protocol === 'sql'
      ? request.sql.plan === 'scan' &&
        `There is no index on sku, so ${name} reads every row of products and keeps the one that matches: ${groupDigits(request.sql.rowsExamined)} rows examined to return ${ex.result.length}.`
      : request.protocol === 'mongodb' &&
        request.mongodb.plan === 'scan' &&
        `There is no index on sku, so MongoDB reads every document in products: ${groupDigits(request.mongodb.docsExamined)} examined to return ${ex.result.length}.`;
  return {
    narration:
      scan ||
      `${name} ${mongo ? 'picks a plan for the query' : 'plans the statement'} and runs it: ${ex.plan?.summary.toLowerCase() ?? ''}.`,
    why: `Performance: the plan, not the ${mongo ? 'filter' : 'query text'}, decides whether this takes microseconds or reads the whole ${mongo ? 'collection' : 'table'}.`,
  };
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
 * Runs one operation's round trips on a checked-out connection (BEGIN, the statement, COMMIT where
 * the operation has them) and returns the rows of its statement. Inserts advance the database's
 * row counts, so a later insert gets the next id.
 */
export function runOperation(ctx: AppContext, op: DbOperation, options: RunOptions = {}): DbRows {
  const { b, stack } = ctx;
  const info = DATABASE_INFO[stack.db];
  const where = `${ADDRESS.db}:${info.port}`;
  const slug = options.slug ?? 'query';
  let result: DbRows = [];
  const mysql = { mode: ctx.profile.mysqlStatements.mode, statementId: ctx.database.prepared + 1 };
  const exchanges = databaseExchanges(stack.db, op, ctx.scenario.skuIndex, ctx.database.reviews, mysql);
  for (const ex of exchanges) {
    const tx = ex.id === 'begin' || ex.id === 'commit';
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
        : ex.id === 'begin'
          ? `The handler opens a transaction: until COMMIT, either every change happens or none does.`
          : `COMMIT makes the insert permanent: ${info.name} writes it to its log on disk before it answers.`,
      ...(sent?.why ? { why: sent.why } : {}),
      message: ex.request,
    });
    if (ex.id === 'prepare') ctx.database.prepared++;
    if (!ex.response) {
      b.rewind(leaves); // nothing comes back: the app goes on at once
      continue;
    }
    if (ctx.scenario.faults.databaseSlow && ex.id === 'query') diskQueue(ctx);
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
          ? ex.id === 'begin'
            ? `${info.name} answers ${ex.response.summary}: a transaction is now open on this connection.`
            : `${info.name} answers ${ex.response.summary}: the new review is durable and visible to everyone.`
          : resultWords(ctx, ex, op),
      message: ex.response,
    });
    if (ex.id === 'query') result = ex.result;
    if (ex.counts?.['reviews'] !== undefined) ctx.database.reviews = ex.counts['reviews'];
  }
  return result;
}
