import { internal } from '../engine/EngineContext.ts';
import { segment, tcpMessage } from '../engine/openTcp.ts';
import { databaseExchanges } from '../data/databaseExchanges.ts';
import type { DbOperation } from '../data/dbOperation.ts';
import { ADDRESS, COST_MS, DATABASE_INFO } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { codeAt } from './AppContext.ts';

const POOL_SIZE = 10;

const params = (op: DbOperation): string =>
  op.kind === 'productById'
    ? `${op.id}`
    : op.kind === 'productBySku'
      ? `'${op.sku}'`
      : `${op.productId}, ${op.rating}, '${op.body}'`;

/**
 * Checks a connection out of the pool, runs the operation's round trips and releases the connection.
 * Returns the rows or documents, or null when the database never answers.
 */
export function queryDatabase(
  ctx: AppContext,
  op: DbOperation,
): readonly Readonly<Record<string, unknown>>[] | null {
  const { b, stack } = ctx;
  const info = DATABASE_INFO[stack.db];
  const where = `${ADDRESS.db}:${info.port}`;
  const checkoutCode = codeAt(ctx, 'checkout') ?? codeAt(ctx, 'begin') ?? codeAt(ctx, 'query');

  if (ctx.scenario.faults.databaseDown) return databaseDown(ctx, info.name, where);

  b.local('app', COST_MS.poolCheckout, {
    id: 'db-checkout',
    phase: 'database',
    title: 'Take a pooled connection',
    narration: `The ${info.name} driver takes an idle connection from its pool of ${POOL_SIZE}. The connection to ${where} is already open and authenticated, so no handshake is needed.`,
    why: `Scalability: a pool shares a few open connections among many requests; opening one per request would add round trips and exhaust ${info.name}.`,
    message: internal('pool checkout', `pool: checkout → 1 of ${POOL_SIZE} in use`, checkoutCode),
    changes: [{ node: 'app', key: 'db pool', value: `1 of ${POOL_SIZE} in use` }],
  });

  let result: readonly Readonly<Record<string, unknown>>[] = [];
  for (const ex of databaseExchanges(stack.db, op, ctx.scenario.skuIndex)) {
    const tx = ex.id === 'begin' || ex.id === 'commit';
    b.hop('app', 'db', 'request', {
      id: `db-${ex.id}`,
      phase: 'database',
      title: ex.request.summary,
      narration: tx
        ? ex.id === 'begin'
          ? `The handler opens a transaction: until COMMIT, either every change happens or none does.`
          : `COMMIT makes the insert permanent: ${info.name} writes it to its log on disk before it answers.`
        : `The handler sends the query to ${info.name} at ${where}, with ${params(op)} sent separately as ${op.kind === 'insertReview' ? 'parameters' : 'a parameter'}, never pasted into the query text.`,
      ...(tx
        ? {}
        : {
            why: 'Security: because values travel apart from the query text, no input can change what the query does (no SQL injection).',
          }),
      message: ex.request,
    });
    if (ex.plan) {
      b.local('db', ex.costMs, {
        id: `db-execute${ex.id === 'query' ? '' : `-${ex.id}`}`,
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
      id: `db-${ex.id}-result`,
      phase: 'database',
      title: ex.response.summary,
      narration: tx
        ? ex.id === 'begin'
          ? `${info.name} answers ${ex.response.summary}: a transaction is now open on this connection.`
          : `${info.name} answers ${ex.response.summary}: the new review is durable and visible to everyone.`
        : `${info.name} sends back ${ex.response.summary}. The driver turns ${ex.result.length === 1 ? 'it' : 'them'} into ${ctx.profile.label} objects for the handler.`,
      message: ex.response,
    });
    if (ex.id === 'query') result = ex.result;
  }

  b.local('app', COST_MS.poolCheckout, {
    id: 'db-release',
    phase: 'database',
    title: 'Release the connection',
    narration: 'The connection goes back to the pool, ready for the next request.',
    message: internal('pool release', `pool: release → 0 of ${POOL_SIZE} in use`),
    changes: [{ node: 'app', key: 'db pool', value: `0 of ${POOL_SIZE} in use` }],
  });
  return result;
}

/** The database does not answer: the driver's SYNs go unanswered until the proxy gives up. */
function databaseDown(ctx: AppContext, name: string, where: string): null {
  const { b, rng } = ctx;
  const port = Number(where.split(':')[1]);
  b.local('app', COST_MS.poolCheckout, {
    id: 'db-checkout',
    phase: 'database',
    title: 'No healthy connection in the pool',
    narration: `The pool's connections to ${name} broke when the database went down, so the driver must open a new one to ${where}.`,
    message: internal(
      'pool: connecting',
      `pool: no idle connection; connecting to ${where}`,
      codeAt(ctx, 'query'),
    ),
    changes: [{ node: 'app', key: 'db pool', value: `connecting to ${where}` }],
  });
  const from = [ADDRESS.app, rng.int(32768, 60999)] as const;
  const isn = rng.int(0, 2 ** 32 - 1);
  const firstSyn = b.now();
  b.hop('app', 'db', 'request', {
    id: 'db-syn',
    phase: 'database',
    title: 'SYN (no answer)',
    narration: `The driver sends a SYN to ${where}. The database machine is down: nothing answers, not even a refusal.`,
    message: tcpMessage(segment(from, [ADDRESS.db, port], ['SYN'], isn, null)),
  });
  b.wait(firstSyn + COST_MS.tcpRetransmit - b.now());
  b.hop('app', 'db', 'request', {
    id: 'db-syn-retransmit',
    phase: 'database',
    title: 'SYN again (retransmission)',
    narration:
      'After one second without a SYN-ACK, TCP sends the SYN again. It will keep doubling the wait; the request is stuck.',
    why: 'Scalability: every stuck request holds a worker and a pool slot; timeouts are what stop one dead dependency from taking the whole site down.',
    message: tcpMessage(segment(from, [ADDRESS.db, port], ['SYN'], isn, null)),
  });
  return null;
}
