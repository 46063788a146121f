import { internal } from '../journey/EngineContext.ts';
import type { DbOperation } from '../data/dbOperation.ts';
import { ADDRESS, COST_MS, DATABASE_INFO } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { codeAt } from './AppContext.ts';
import { extra } from '../extras/ExtraStages.ts';
import type { DbFailed } from './dbFailed.ts';
import { runOperation } from './runOperation.ts';
import type { PoolConnections } from '../stacks/types.ts';
import type { DbRows, RunOptions } from './runOperation.ts';
import { poolUse } from './poolUse.ts';

/** Runs an operation on the checked-out connection and returns its rows. */
export type RunOnConnection = (op: DbOperation, options?: RunOptions) => DbRows;

/** Thrown by `run` when the database fails under the handler's first operation; withConnection catches it. */
class Aborted {
  constructor(readonly result: DbFailed) {}
}

/**
 * Checks a connection out of the pool, lets `work` run operations on it, and releases it. Returns what
 * `work` returns or, when the database fails (`faults.database`, `app/databaseFault.ts`), the app's answer
 * instead: its 500, or null when it never answers.
 */
export function withConnection<T>(ctx: AppContext, work: (run: RunOnConnection) => T): T | DbFailed {
  const { stack } = ctx;
  const where = `${ADDRESS.db}:${DATABASE_INFO[stack.db].port}`;
  const fault = ctx.scenario.faults.database;
  const connections = ctx.profile.connections[stack.db];
  const pool = connections.kind === 'pool' ? connections : null;
  if (fault === 'up') return connected(ctx, pool, where, work);
  const { checkoutRefused, checkoutUnreachable, exhaustedFlow, refusedFlow, unreachableFlow } = extra(
    ctx.extras,
    'databaseFaults',
  );
  if (fault === 'pool-exhausted' && pool) return exhaustedFlow(ctx, pool);
  if (fault === 'process-down' && ctx.profile.driverFailures[stack.db].refused.staleWrite !== 'query') {
    checkoutStep(ctx, pool, where, checkoutRefused(ctx));
    return refusedFlow(ctx, null);
  }
  if (fault === 'unreachable' || fault === 'process-down') {
    checkoutStep(ctx, pool, where, fault === 'unreachable' ? checkoutUnreachable(ctx) : checkoutRefused(ctx));
    const failOn = (op: DbOperation): never => {
      throw new Aborted(fault === 'unreachable' ? unreachableFlow(ctx, op) : refusedFlow(ctx, op));
    };
    try {
      return work(failOn);
    } catch (e) {
      if (e instanceof Aborted) return e.result;
      throw e;
    }
  }
  return connected(ctx, pool, where, work);
}

/** The database is up: check a connection out, run the handler's work on it, release it. */
function connected<T>(
  ctx: AppContext,
  pool: PoolConnections | null,
  where: string,
  work: (run: RunOnConnection) => T,
): T {
  checkoutStep(ctx, pool, where, null);
  // Where the handler does not wait for COMMIT's answer (Drogon), it goes on from the moment COMMIT left; the
  // connection goes back to the pool when the answer arrives.
  let goesOn: number | null = null;
  const result = work((op, options) => {
    const leaves = ctx.b.now();
    const rows = runOperation(ctx, op, options);
    if (op.kind === 'transaction' && op.control === 'commit' && ctx.profile.commitUnawaited) goesOn = leaves;
    return rows;
  });
  ctx.b.local(ctx.app, COST_MS.poolCheckout, {
    id: 'db-release',
    phase: 'database',
    title: 'Release the connection',
    narration: pool
      ? 'The connection goes back to the pool, ready for the next request.'
      : 'The request is done with the connection; the worker keeps it open for its next request.',
    message: pool
      ? internal('pool release', `pool: release → ${poolUse(pool, 0)}`)
      : internal('connection idle', `worker connection to ${where}: idle`),
    changes: [
      pool
        ? { node: ctx.app, key: 'db pool', value: poolUse(pool, 0) }
        : { node: ctx.app, key: 'db connection', value: 'idle, kept open by the worker' },
    ],
  });
  if (goesOn !== null) ctx.b.rewind(goesOn);
  return result;
}

/**
 * The checkout: a pooled connection or the worker's own; `instead` tells what the pool does when the
 * database has failed.
 */
function checkoutStep(
  ctx: AppContext,
  pool: PoolConnections | null,
  where: string,
  instead: string | null,
): void {
  const { stack } = ctx;
  const info = DATABASE_INFO[stack.db];
  const refused = ctx.scenario.faults.database === 'process-down';
  const code =
    codeAt(ctx, 'checkout') ?? codeAt(ctx, 'lookup') ?? codeAt(ctx, 'begin') ?? codeAt(ctx, 'query');
  ctx.b.local(ctx.app, COST_MS.poolCheckout, {
    id: 'db-checkout',
    phase: 'database',
    title: instead
      ? pool
        ? 'Check out a connection'
        : 'Use the worker’s connection'
      : pool
        ? 'Take a pooled connection'
        : 'Reuse the worker’s connection',
    narration:
      instead ??
      (pool
        ? `The handler takes an idle connection to ${where} from the app's pool (${ctx.profile.drivers[stack.db]} for ${info.name}; ${pool.max === null ? 'no size limit' : `at most ${pool.max} connection${pool.max === 1 ? '' : 's'}`}: ${pool.setting}). It is already open and authenticated, so no handshake is needed.`
        : `${stack.db === 'mongodb' ? 'The MongoDB driver keeps its connections with the PHP process' : 'PDO has no pool'}, and this Octane worker outlives its requests: the connection to ${where} it opened for an earlier request is still open and authenticated, so no handshake is needed.`),
    why: pool
      ? `Scalability: a pool shares a few open connections among many requests; opening one per request would add round trips and exhaust ${info.name}. Its size is a choice: every app process has its own pool, and together they must stay under the database's connection limit.`
      : `Scalability: a long-lived worker keeps one open connection; opening one per request would add round trips and exhaust ${info.name}.`,
    message: refused
      ? internal(
          'no live connection',
          `${pool ? 'pool' : 'worker'}: no live connection to ${where}; connecting`,
          code,
        )
      : pool
        ? internal('pool checkout', `pool: checkout → ${poolUse(pool, 1)}`, code)
        : internal('reuse connection', `worker connection to ${where}: in use`, code),
    changes: [
      refused
        ? { node: ctx.app, key: pool ? 'db pool' : 'db connection', value: `connecting to ${where}` }
        : pool
          ? { node: ctx.app, key: 'db pool', value: poolUse(pool, 1) }
          : { node: ctx.app, key: 'db connection', value: 'in use by this request' },
    ],
  });
}
