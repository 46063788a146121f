import { internal } from '../journey/EngineContext.ts';
import { databaseExchanges } from '../data/databaseExchanges.ts';
import type { DbOperation } from '../data/dbOperation.ts';
import { segment, tcpMessage } from '../protocols/tcpSegment.ts';
import type { PoolConnections } from '../stacks/types.ts';
import { ADDRESS, COST_MS, DATABASE_INFO } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { codeAt } from './AppContext.ts';
import { proxyPeer } from './proxyPeer.ts';
import type { DbFailed } from './dbFailed.ts';
import { CONFIGURED_POOL, exhaustedPool } from './exhaustedPool.ts';

/** Linux's smallest retransmission timeout (TCP_RTO_MIN): a data segment's first RTO on a sub-millisecond link. */
const RTO_MIN_MS = 200;
const where = (ctx: AppContext): string => `${ADDRESS.db}:${DATABASE_INFO[ctx.stack.db].port}`;
const failures = (ctx: AppContext) => ctx.profile.driverFailures[ctx.stack.db];
const poolKey = (ctx: AppContext): string =>
  ctx.profile.connections[ctx.stack.db].kind === 'pool' ? 'db pool' : 'db connection';
const codeLine = (ctx: AppContext) =>
  codeAt(ctx, 'checkout') ?? codeAt(ctx, 'lookup') ?? codeAt(ctx, 'query') ?? codeAt(ctx, 'begin');

/** The driver's error reaches the framework: its 500 (or the handler's own error path), and the log line. */
function answerWithError(ctx: AppContext, error: string, title: string, sql: string): DbFailed {
  const { b, profile, request } = ctx;
  const handled = profile.response.databaseError?.(request, b.now());
  const crash = handled ?? profile.response.uncaught(request, b.now(), proxyPeer(ctx).join(':'));
  const log = error.replace('{sql}', sql);
  b.local(ctx.app, COST_MS.serialise, {
    id: 'server-exception',
    phase: 'server',
    title,
    narration: `The driver throws: ${sentence(log.split('\n')[0] ?? log)} ${handled ? '' : 'Nothing in the handler catches it. '}${crash.explain}`,
    why: 'Robustness: an error the app answers at once frees the request, its worker and the proxy’s connection; the log line, not the response, tells the developer which database failed and how.',
    message: internal(log.split('\n')[0]?.slice(0, 60) ?? title, log, codeLine(ctx)),
  });
  return { failed: crash.response };
}

/** The round trips of `op` as this stack's driver sends them (on MySQL, its statement mode). */
const firstExchanges = (ctx: AppContext, op: DbOperation) =>
  databaseExchanges(ctx.stack.db, ctx.extras, op, ctx.scenario.skuIndex, ctx.database.reviews, {
    mode: ctx.profile.mysqlStatements.mode,
    statementId: ctx.database.prepared + 1,
  });

/** The statement or command the handler would send first, with its values, as a log line quotes it. */
function firstStatement(ctx: AppContext, op: DbOperation): string {
  const [ex] = firstExchanges(ctx, op);
  if (ex?.request.protocol !== 'sql') return ex?.request.text ?? '';
  const { statement, params } = ex.request.sql;
  return statement.replace(/\$\d+|\?/g, (p) => {
    const value = params[p === '?' ? 0 : Number(p.slice(1)) - 1] ?? '';
    return typeof value === 'number' ? String(value) : `'${value}'`;
  });
}

/** A SYN to the database's port and the RST its machine answers with: nothing listens there. */
function refusedConnect(ctx: AppContext): void {
  const { b, rng } = ctx;
  const port = DATABASE_INFO[ctx.stack.db].port;
  const from = [ADDRESS.app, rng.int(32768, 60999)] as const;
  const isn = rng.int(0, 2 ** 32 - 1);
  b.hop(ctx.app, 'db', 'request', {
    id: 'db-syn',
    phase: 'database',
    title: 'SYN',
    narration: `The driver opens a new TCP connection to ${where(ctx)}: a SYN.`,
    message: tcpMessage(segment(from, [ADDRESS.db, port], ['SYN'], isn, null)),
  });
  b.hop('db', ctx.app, 'response', {
    id: 'db-rst',
    phase: 'database',
    title: 'RST (connection refused)',
    narration: `The machine is up, so its kernel answers at once: no process listens on port ${port}, and it refuses the connection with RST. The driver sees ECONNREFUSED one round trip after its SYN.`,
    why: 'Robustness: a refused connection is the fast failure: the app learns in under a millisecond that the database is not there.',
    message: tcpMessage(segment([ADDRESS.db, port], from, ['RST', 'ACK'], 0, (isn + 1) >>> 0, 0)),
  });
}

/** `process-down`, at checkout: how the pool learnt its connections are gone (or finds out now). */
export function checkoutRefused(ctx: AppContext): string {
  const { name } = DATABASE_INFO[ctx.stack.db];
  const { refused } = failures(ctx);
  const check =
    refused.staleWrite && refused.staleWrite !== 'query'
      ? ` ${capital(refused.staleWrite)} is written to the dead connection; ${name}'s machine answers it with RST, so the connection is dropped.`
      : '';
  return `${name}'s process died. Its machine is still up, and its kernel closed every socket the process held, sending each pooled connection a FIN. ${refused.pool}${check}`;
}

/**
 * `process-down`, from the handler's first operation (or at checkout when the pool already knew): the stale
 * write refused where the driver sends one, the new connection refused, then the driver's error and the 500,
 * or, for a driver that keeps trying for longer than the proxy waits, nothing.
 */
export function refusedFlow(ctx: AppContext, op: DbOperation | null): DbFailed {
  const { b } = ctx;
  const { refused } = failures(ctx);
  const sql = op ? firstStatement(ctx, op) : '';
  if (op && refused.staleWrite === 'query') {
    const [ex] = firstExchanges(ctx, op);
    if (ex) {
      b.hop(ctx.app, 'db', 'request', {
        id: 'db-stale-query',
        phase: 'database',
        title: `${ex.request.summary} (on the dead connection)`,
        narration:
          'The handler sends its query on the connection it has, which the database process closed when it died.',
        message: ex.request,
      });
      b.hop('db', ctx.app, 'response', {
        id: 'db-stale-rst',
        phase: 'database',
        title: 'RST',
        narration: `${DATABASE_INFO[ctx.stack.db].name}'s machine has no connection by that name any more, so its kernel answers the segment with RST. ${refused.pool}`,
        message: tcpMessage(
          segment(
            [ADDRESS.db, DATABASE_INFO[ctx.stack.db].port],
            [ADDRESS.app, ctx.rng.int(32768, 60999)],
            ['RST'],
            ctx.rng.int(0, 2 ** 32 - 1),
            null,
            0,
          ),
        ),
      });
    }
  }
  refusedConnect(ctx);
  if (refused.giveUpMs > 0) {
    b.local(ctx.app, COST_MS.poolCheckout, {
      id: 'db-wait',
      phase: 'database',
      title: 'The driver keeps trying',
      narration: Number.isFinite(refused.giveUpMs)
        ? `${refused.giveUp}. Only then will the handler get ${refused.error.split('\n')[0] ?? ''}.`
        : `${refused.giveUp}.`,
      why: 'Robustness: a driver that waits out an outage helps when the database comes back in seconds (a restart, a failover), and holds the request when it does not.',
      message: internal('waiting for the database', `${where(ctx)}: refused; retrying until the timeout`),
      changes: [{ node: ctx.app, key: poolKey(ctx), value: `no connection; retrying ${where(ctx)}` }],
    });
    return { failed: null };
  }
  return answerWithError(ctx, refused.error, 'Driver error: connection refused', sql);
}

/** `unreachable`, at checkout: the pool hands out a connection it has heard nothing bad about. */
export function checkoutUnreachable(ctx: AppContext): string {
  const { name } = DATABASE_INFO[ctx.stack.db];
  return `${name}'s machine has vanished (it lost power or its network), but a machine that is gone sends nothing: no FIN, no RST. The connection to ${where(ctx)} looks as open as ever, so it is handed out as usual.`;
}

/**
 * `unreachable`, from the handler's first operation: the request is written, no ACK comes back, TCP
 * retransmits it on Linux's doubling timeout, and the app waits (the proxy's timeout ends the journey).
 */
export function unreachableFlow(ctx: AppContext, op: DbOperation): DbFailed {
  const { b } = ctx;
  const [ex] = firstExchanges(ctx, op);
  if (!ex) return { failed: null };
  const sent = b.now();
  b.hop(ctx.app, 'db', 'request', {
    id: 'db-write',
    phase: 'database',
    title: `${ex.request.summary} (no ACK)`,
    narration: `The driver writes the request to the socket and the kernel sends it to ${where(ctx)}. Nothing comes back, not even an ACK: the machine is gone.`,
    message: ex.request,
  });
  let rto = RTO_MIN_MS;
  let at = sent;
  for (const n of [1, 2, 3]) {
    at += rto;
    b.wait(at - b.now());
    b.hop(ctx.app, 'db', 'request', {
      id: `db-retransmit-${n}`,
      phase: 'database',
      title: `Retransmission ${n} (after ${rto} ms)`,
      narration:
        n === 1
          ? `No ACK within the retransmission timeout (about ${RTO_MIN_MS} ms, Linux's minimum, since the link's round trip is under a millisecond), so TCP sends the same bytes again. Each time it doubles the wait.`
          : `Still no ACK: TCP sends the bytes again after ${rto} ms.`,
      ...(n === 3
        ? {
            why: `Robustness: ${failures(ctx).unreachable} A new connection would fare no better: its SYN gets no SYN-ACK (Linux retries it 6 times, tcp_syn_retries, giving up after 127 s). Only a timeout the app sets stops this sooner; here the proxy's comes first.`,
          }
        : {}),
      message: ex.request,
    });
    rto *= 2;
  }
  return { failed: null };
}

/**
 * `pool-exhausted`, at checkout: every connection is out; the request waits for the driver's checkout
 * timeout (or with no limit), then the driver's error and the framework's 500, or nothing.
 */
export function exhaustedFlow(ctx: AppContext, pool: PoolConnections): DbFailed {
  const { b } = ctx;
  const exhausted = failures(ctx).exhausted;
  const size = exhaustedPool(pool);
  const all = `${size.max ?? CONFIGURED_POOL} of ${size.max ?? CONFIGURED_POOL} in use`;
  const waits = exhausted?.timeoutMs ?? null;
  b.local(ctx.app, COST_MS.poolCheckout, {
    id: 'db-checkout-wait',
    phase: 'database',
    title: 'No free connection',
    narration: `The handler asks the app's pool for a connection to ${where(ctx)}, but all ${size.max ?? CONFIGURED_POOL} (${size.setting}) are checked out by other requests still running their queries.${exhausted ? ` The wait: ${exhausted.setting}.` : ''}${waits === 0 ? '' : ' This request waits in the pool’s queue.'}`,
    why: 'Scalability: a pool is a queue in front of the database; when requests hold connections longer than they arrive, the queue grows. A checkout timeout shorter than the proxy’s turns the wait into the app’s own clear error.',
    message: internal('pool: checkout', `pool: ${all}; waiting`, codeLine(ctx)),
    changes: [{ node: ctx.app, key: 'db pool', value: `${all}, 1 waiting` }],
  });
  if (!exhausted || waits === null || !exhausted.error) return { failed: null };
  if (waits > 0) b.wait(waits);
  return answerWithError(ctx, exhausted.error, 'Checkout timed out', '');
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string): string => (/[.?!]$/.test(s) ? s : `${s}.`);
