import { internal } from '../engine/EngineContext.ts';
import { databaseExchanges } from '../data/databaseExchanges.ts';
import type { DbOperation } from '../data/dbOperation.ts';
import { ADDRESS, DATABASE_INFO } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { driverNarration } from '../stacks/driverNarration.ts';

/** Rows or documents as the driver hands them to the handler. */
export type DbRows = readonly Readonly<Record<string, unknown>>[];

/** How one operation shows in the timeline. */
export interface RunOptions {
  /** Slug for the query's step ids: "query" gives db-query, db-execute, db-query-result. */
  readonly slug?: string;
  /** A sentence saying why the handler asks, put before the narration of the query. */
  readonly purpose?: string;
}

const params = (op: DbOperation): string =>
  op.kind === 'productById'
    ? `${op.id}`
    : op.kind === 'productBySku'
      ? `'${op.sku}'`
      : `${op.productId}, ${op.rating}, '${op.body}'`;

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
  for (const ex of databaseExchanges(stack.db, op, ctx.scenario.skuIndex, ctx.database.reviews)) {
    const tx = ex.id === 'begin' || ex.id === 'commit';
    const id = ex.id === 'query' ? slug : ex.id;
    b.hop('app', 'db', 'request', {
      id: `db-${id}`,
      phase: 'database',
      title: ex.request.summary,
      narration: tx
        ? ex.id === 'begin'
          ? `The handler opens a transaction: until COMMIT, either every change happens or none does.`
          : `COMMIT makes the insert permanent: ${info.name} writes it to its log on disk before it answers.`
        : `${options.purpose ? `${options.purpose} ` : ''}The handler sends the query to ${info.name} at ${where}, with ${params(op)} sent separately as ${op.kind === 'insertReview' ? 'parameters' : 'a parameter'}, never pasted into the query text.`,
      ...(tx
        ? {}
        : {
            why: 'Security: because values travel apart from the query text, no input can change what the query does (no SQL injection).',
          }),
      message: ex.request,
    });
    if (ex.plan) {
      b.local('db', ex.costMs, {
        id: id === 'query' ? 'db-execute' : `db-execute-${id}`,
        phase: 'database',
        title: ex.plan.summary,
        narration:
          ex.request.protocol === 'sql' && ex.request.sql.plan === 'scan'
            ? `There is no index on sku, so ${info.name} reads every row of products and keeps the one that matches: ${ex.request.sql.rowsExamined.toLocaleString('en-US')} rows examined to return 1.`
            : ex.request.protocol === 'mongodb' && ex.request.mongodb.plan === 'scan'
              ? `There is no index on sku, so MongoDB reads every document in products: ${ex.request.mongodb.docsExamined.toLocaleString('en-US')} examined to return 1.`
              : `${info.name} plans the statement and runs it: ${ex.plan.summary.toLowerCase()}.`,
        why: 'Performance: the plan, not the query text, decides whether this takes microseconds or scans the whole table.',
        message: internal(ex.plan.summary, ex.plan.text),
        ...(ex.counts
          ? {
              changes: Object.entries(ex.counts).map(([table, n]) => ({
                node: 'db',
                key: table,
                value: `${n.toLocaleString('en-US')} rows`,
              })),
            }
          : {}),
      });
    } else {
      b.wait(ex.costMs);
    }
    b.hop('db', 'app', 'response', {
      id: `db-${id}-result`,
      phase: 'database',
      title: ex.response.summary,
      narration: tx
        ? ex.id === 'begin'
          ? `${info.name} answers ${ex.response.summary}: a transaction is now open on this connection.`
          : `${info.name} answers ${ex.response.summary}: the new review is durable and visible to everyone.`
        : `${info.name} sends back ${ex.response.summary}${ex.result.length === 0 ? ': nothing matches' : ''}. ${driverNarration(ctx.profile, stack.db, op.kind === 'insertReview' ? 'inserted' : ex.result.length)}`,
      message: ex.response,
    });
    if (ex.id === 'query') result = ex.result;
    if (ex.counts?.['reviews'] !== undefined) ctx.database.reviews = ex.counts['reviews'];
  }
  return result;
}
