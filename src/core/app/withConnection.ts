import { internal } from '../journey/EngineContext.ts';
import { segment, tcpMessage } from '../protocols/tcpSegment.ts';
import type { DbOperation } from '../data/dbOperation.ts';
import { ADDRESS, COST_MS, DATABASE_INFO } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { codeAt } from './AppContext.ts';
import { runOperation } from './runOperation.ts';
import type { PoolConnections } from '../stacks/types.ts';
import type { DbRows, RunOptions } from './runOperation.ts';

/** Connections in use out of the pool's size: "1 of 10 in use", "1 in use (no limit)". */
export function poolUse(pool: PoolConnections, inUse: number): string {
  return pool.max === null ? `${inUse} in use (no limit)` : `${inUse} of ${pool.max} in use`;
}

/** Runs an operation on the checked-out connection and returns its rows. */
export type RunOnConnection = (op: DbOperation, options?: RunOptions) => DbRows;

/**
 * Checks a connection out of the pool, lets `work` run operations on it, and releases it.
 * Returns what `work` returns, or null when the database never answers (it is down).
 */
export function withConnection<T>(ctx: AppContext, work: (run: RunOnConnection) => T): T | null {
  const { b, stack } = ctx;
  const info = DATABASE_INFO[stack.db];
  const where = `${ADDRESS.db}:${info.port}`;
  if (ctx.scenario.faults.databaseDown) return databaseDown(ctx, info.name, where);

  const connections = ctx.profile.connections[stack.db];
  const pool = connections.kind === 'pool' ? connections : null;
  const code =
    codeAt(ctx, 'checkout') ?? codeAt(ctx, 'lookup') ?? codeAt(ctx, 'begin') ?? codeAt(ctx, 'query');
  b.local(ctx.app, COST_MS.poolCheckout, {
    id: 'db-checkout',
    phase: 'database',
    title: pool ? 'Take a pooled connection' : 'Reuse the worker’s connection',
    narration: pool
      ? `The handler takes an idle connection to ${where} from the app's pool (${ctx.profile.drivers[stack.db]} for ${info.name}; ${pool.max === null ? 'no size limit' : `at most ${pool.max} connection${pool.max === 1 ? '' : 's'}`}: ${pool.setting}). It is already open and authenticated, so no handshake is needed.`
      : `${stack.db === 'mongodb' ? 'The MongoDB driver keeps its connections with the PHP process' : 'PDO has no pool'}, and this Octane worker outlives its requests: the connection to ${where} it opened for an earlier request is still open and authenticated, so no handshake is needed.`,
    why: pool
      ? `Scalability: a pool shares a few open connections among many requests; opening one per request would add round trips and exhaust ${info.name}. Its size is a choice: every app process has its own pool, and together they must stay under the database's connection limit.`
      : `Scalability: a long-lived worker keeps one open connection; opening one per request would add round trips and exhaust ${info.name}.`,
    message: pool
      ? internal('pool checkout', `pool: checkout → ${poolUse(pool, 1)}`, code)
      : internal('reuse connection', `worker connection to ${where}: in use`, code),
    changes: [
      pool
        ? { node: ctx.app, key: 'db pool', value: poolUse(pool, 1) }
        : { node: ctx.app, key: 'db connection', value: 'in use by this request' },
    ],
  });

  const result = work((op, options) => runOperation(ctx, op, options));

  b.local(ctx.app, COST_MS.poolCheckout, {
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
  return result;
}

/** The database does not answer: the driver's SYNs go unanswered until the proxy gives up. */
function databaseDown(ctx: AppContext, name: string, where: string): null {
  const { b, rng } = ctx;
  const port = Number(where.split(':')[1]);
  b.local(ctx.app, COST_MS.poolCheckout, {
    id: 'db-checkout',
    phase: 'database',
    title:
      ctx.profile.connections[ctx.stack.db].kind === 'pool'
        ? 'No healthy connection in the pool'
        : 'The worker’s connection is broken',
    narration: `${ctx.profile.connections[ctx.stack.db].kind === 'pool' ? 'The pool’s connections' : 'The worker’s connection'} to ${name} broke when the database went down, so the driver must open a new one to ${where}.`,
    message: internal(
      'pool: connecting',
      `pool: no idle connection; connecting to ${where}`,
      codeAt(ctx, 'lookup') ?? codeAt(ctx, 'query'),
    ),
    changes: [
      {
        node: ctx.app,
        key: ctx.profile.connections[ctx.stack.db].kind === 'pool' ? 'db pool' : 'db connection',
        value: `connecting to ${where}`,
      },
    ],
  });
  const from = [ADDRESS.app, rng.int(32768, 60999)] as const;
  const isn = rng.int(0, 2 ** 32 - 1);
  const firstSyn = b.now();
  b.hop(ctx.app, 'db', 'request', {
    id: 'db-syn',
    phase: 'database',
    title: 'SYN (no answer)',
    narration: `The driver sends a SYN to ${where}. The database machine is down: nothing answers, not even a refusal.`,
    message: tcpMessage(segment(from, [ADDRESS.db, port], ['SYN'], isn, null)),
  });
  b.wait(firstSyn + COST_MS.tcpRetransmit - b.now());
  b.hop(ctx.app, 'db', 'request', {
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
