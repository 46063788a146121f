// Three ways the database hop fails, kept apart: the database process died (its machine refuses the connect
// with RST), the machine vanished (nothing answers; the pooled connection's write is retransmitted with
// Linux's doubling timeout), and a pool with no free connection (the checkout's timeout, where the driver has
// one). Node's and Python's refused-connect errors are checked against the real runtimes here; the drivers'
// other texts and timeouts are in src/core/stacks/driverFailures.ts with what each was checked against.
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ADDRESS, COST_MS } from '../../src/core/world/world.ts';
import { languageProfile as profileFor } from '../../src/core/stacks/languages.ts';
import { DRIVER_FAILURES } from '../../src/core/stacks/driverFailures.ts';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { Scenario, Stack, Step, Timeline } from '../../src/core/index.ts';
import { STACKS, stackName, stepsWith } from './timelines.ts';

const scenario = (id: string): Scenario => {
  const s = scenarioById(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};
const down = scenario('database-down');
const unreachable = scenario('database-unreachable');
const exhausted = scenario('pool-exhausted');

const step = (t: Timeline, id: string): Step | undefined => t.steps.find((s) => s.id === id);
const fromDb = (t: Timeline): Step[] => t.steps.filter((s) => s.from === 'db');
const forward = (t: Timeline): Step => {
  const f = step(t, 'proxy-forward');
  if (!f) throw new Error('no proxy-forward');
  return f;
};
const answeredIn = (t: Timeline): number => {
  const last = t.steps.findLast((s) => s.from === 'app' && s.to === 'proxy');
  return last ? last.startMs - forward(t).startMs : Infinity;
};

describe('database-down: the process died, its machine refuses the connect', () => {
  it.each(STACKS.map((s) => [stackName(s), s] as const))(
    '%s: a SYN answered by RST, then the driver’s error',
    (_n, stack: Stack) => {
      const t = buildTimeline(down, stack);
      const rst = stepsWith(t, 'tcp').filter((s) => s.from === 'db' && s.message.tcp.flags.includes('RST'));
      expect(rst.length, 'the machine answers with RST').toBeGreaterThan(0);
      const syn = step(t, 'db-syn');
      expect(syn?.message.protocol === 'tcp' && syn.message.tcp.flags).toEqual(['SYN']);
      expect(step(t, 'db-rst')?.startMs).toBeCloseTo((syn?.startMs ?? 0) + 0.4, 5);
      const { refused } = DRIVER_FAILURES[stack.lang][stack.db];
      if (refused.giveUpMs === 0) {
        expect(t.outcome.status, 'a fast 500').toBe(500);
        expect(answeredIn(t), 'answered in milliseconds').toBeLessThan(5);
        const firstLine = refused.error.split('\n')[0] ?? '';
        expect(step(t, 'server-exception')?.message.text).toContain(firstLine.split('{sql}')[0]);
      } else {
        expect(refused.giveUpMs).toBeGreaterThan(COST_MS.proxyUpstreamTimeout);
        expect(t.outcome.status, 'the proxy gives up before the driver').toBe(504);
        expect(step(t, 'db-wait')?.narration).toMatch(
          Number.isFinite(refused.giveUpMs) ? /30 s/ : /no query timeout by default/,
        );
      }
    },
  );

  it('MongoDB drivers wait for server selection (30 s) except PHP’s, which tries once', () => {
    for (const s of STACKS.filter((x) => x.db === 'mongodb')) {
      const wait = DRIVER_FAILURES[s.lang].mongodb.refused.giveUpMs;
      expect(wait, stackName(s)).toBe(s.lang === 'php' ? 0 : 30_000);
    }
  });

  it('HikariCP waits for its connectionTimeout, 30000 ms by default, before it throws', () => {
    for (const db of ['postgres', 'mysql'] as const) {
      const { refused } = DRIVER_FAILURES.java[db];
      expect(refused.giveUpMs).toBe(30_000);
      expect(refused.error).toMatch(
        /^java\.sql\.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms/,
      );
    }
  });
});

/** A local port nothing listens on: the kernel refuses it, as the database's machine does. */
const CLOSED_PORT = 9;

describe('refused-connect errors, as the real runtimes word them', () => {
  it('Node: "Error: connect ECONNREFUSED <address>:<port>" (pg and mysql2 pass it on)', async () => {
    const message = await new Promise<string>((resolve) => {
      connect(CLOSED_PORT, '127.0.0.1').on('error', (e) => resolve(String(e)));
    });
    expect(message).toBe(`Error: connect ECONNREFUSED 127.0.0.1:${CLOSED_PORT}`);
    for (const db of ['postgres', 'mysql'] as const) {
      const ours = DRIVER_FAILURES.node[db].refused.error;
      expect(ours.replace(/10\.0\.0\.41:\d+/, `127.0.0.1:${CLOSED_PORT}`)).toBe(message);
    }
  });

  it('Python asyncio (asyncpg’s connect): "ConnectionRefusedError: [Errno 111] Connect call failed (host, port)"', () => {
    const script = `import asyncio
async def main():
    try:
        await asyncio.open_connection('127.0.0.1', ${CLOSED_PORT})
    except Exception as e:
        print(type(e).__name__ + ': ' + str(e))
asyncio.run(main())`;
    let out: string;
    try {
      out = execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim();
    } catch {
      return; // no Python here
    }
    const ours = DRIVER_FAILURES.python.postgres.refused.error;
    expect(ours.replace("('10.0.0.41', 5432)", `('127.0.0.1', ${CLOSED_PORT})`)).toBe(out);
  });
});

describe('database-unreachable: the machine vanished, nothing answers', () => {
  it.each(STACKS.map((s) => [stackName(s), s] as const))(
    '%s: the write is retransmitted after 200, 400 and 800 ms, nothing comes back, the proxy answers 504',
    (_n, stack: Stack) => {
      const t = buildTimeline(unreachable, stack);
      expect(fromDb(t), 'not a byte from the database').toEqual([]);
      const write = step(t, 'db-write');
      const times = [1, 2, 3].map((n) => step(t, `db-retransmit-${n}`)?.startMs ?? NaN);
      expect(write).toBeDefined();
      const gaps = [times[0]! - write!.startMs, times[1]! - times[0]!, times[2]! - times[1]!];
      gaps.forEach((gap, n) => expect(gap, `gap ${n + 1}`).toBeCloseTo([200, 400, 800][n]!, 6));
      expect(step(t, `db-retransmit-1`)?.message).toEqual(write?.message);
      expect(t.outcome.status).toBe(504);
      expect((step(t, 'proxy-timeout')?.startMs ?? 0) - forward(t).startMs).toBeCloseTo(
        COST_MS.proxyUpstreamTimeout,
        0,
      );
      expect(step(t, 'db-syn'), 'no new connection is tried: the pool saw nothing wrong').toBeUndefined();
    },
  );
});

describe('pool-exhausted: every connection is checked out', () => {
  it.each(STACKS.filter((s) => s.lang !== 'php').map((s) => [stackName(s), s] as const))(
    '%s: waits for the checkout timeout and answers 500 with the driver’s error, or waits until the proxy’s 504',
    (_n, stack: Stack) => {
      const t = buildTimeline(exhausted, stack);
      const wait = step(t, 'db-checkout-wait');
      expect(wait?.narration).toMatch(/checked out by other requests/);
      expect(step(t, 'db-query'), 'no query is sent').toBeUndefined();
      const spec = DRIVER_FAILURES[stack.lang][stack.db].exhausted;
      if (spec === null || spec.timeoutMs === null) {
        expect(t.outcome.status).toBe(504);
        return;
      }
      expect(spec.timeoutMs).toBeLessThan(COST_MS.proxyUpstreamTimeout);
      const error = step(t, 'server-exception');
      expect(error?.message.text).toBe(spec.error);
      expect((error?.startMs ?? 0) - (wait?.startMs ?? 0)).toBeCloseTo(
        spec.timeoutMs + COST_MS.poolCheckout,
        5,
      );
      expect(t.outcome.status).toBe(500);
    },
  );

  it('a value that is not the driver’s default says it is configured, and names the default', () => {
    for (const s of STACKS) {
      const spec = DRIVER_FAILURES[s.lang][s.db].exhausted;
      if (spec?.timeoutMs === 2000) expect(spec.setting, stackName(s)).toMatch(/configured to 2.*default/);
    }
  });

  it('the messages are the drivers’ own', () => {
    expect(DRIVER_FAILURES.node.postgres.exhausted?.error).toBe(
      'Error: timeout exceeded when trying to connect',
    );
    expect(DRIVER_FAILURES.java.postgres.exhausted?.error).toMatch(
      /HikariPool-1 - Connection is not available, request timed out after 2000ms/,
    );
    expect(DRIVER_FAILURES.ruby.postgres.exhausted?.error).toMatch(
      /could not obtain a connection from the pool within 2\.000 seconds \(waited 2\.000 seconds\); all pooled connections were in use/,
    );
    expect(DRIVER_FAILURES.python.mysql.exhausted).toMatchObject({
      timeoutMs: 0,
      error: 'mysql.connector.errors.PoolError: Failed getting connection; pool exhausted',
    });
    expect(DRIVER_FAILURES.node.mongodb.exhausted?.error).toMatch(
      /Timed out while checking out a connection from connection pool$/,
    );
  });

  it('the MongoDB drivers’ texts follow their sources’ format strings', () => {
    const where = `${ADDRESS.db}:27017`;
    // mongo-ruby-driver lib/mongo/server/connection_pool.rb, raise_check_out_timeout!: a full pool (every
    // connection checked out, max size the gem's default 20) and a wait_timeout configured to 2 (an Integer).
    const rubyPool = profileFor('ruby').connections.mongodb;
    const max = rubyPool.kind === 'pool' ? rubyPool.max : null;
    expect(DRIVER_FAILURES.ruby.mongodb.exhausted?.error).toBe(
      `Mongo::Error::ConnectionCheckOutTimeout (Timed out attempting to check out a connection from pool for ${where} after 2 sec. Connections in pool: 0 available, ${max} checked out, 0 pending, 0 connections requests (max size: ${max}))`,
    );
    // server_selector/base.rb select_server: the cluster's summary, whose server's summary carries its pool's
    // (connection_pool.rb summary), cleared and paused when the server was marked Unknown (CMAP).
    expect(DRIVER_FAILURES.ruby.mongodb.refused.error).toBe(
      `Mongo::Error::NoServerAvailable (No primary server is available in cluster: #<Cluster topology=Single[${where}] servers=[#<Server address=${where} UNKNOWN pool=#<ConnectionPool size=0 (0-${max}) used=0 avail=0 pending=0 paused>>]> with timeout=30, LT=0.015)`,
    );
    // mongo-java-driver DefaultConnectionPool.createTimeoutException (nothing pinned to a cursor or transaction).
    expect(DRIVER_FAILURES.java.mongodb.exhausted?.error).toBe(
      `com.mongodb.MongoTimeoutException: Timed out after 2000 ms while waiting for a connection to server ${where}.`,
    );
    // BaseCluster.logAndThrowTimeoutException: the selector, then ClusterDescription.getShortDescription(),
    // whose "{type=…, servers=[…]" has no closing brace.
    expect(DRIVER_FAILURES.java.mongodb.refused.error).toMatch(
      /^com\.mongodb\.MongoTimeoutException: Timed out while waiting for a server that matches ReadPreferenceServerSelector\{readPreference=primary\}\. Client view of cluster state is \{type=UNKNOWN, servers=\[\{address=10\.0\.0\.\d+:27017, type=UNKNOWN, state=CONNECTING, exception=\{com\.mongodb\.MongoSocketOpenException: Exception opening socket\}, caused by \{java\.net\.ConnectException: Connection refused\}\}\]$/,
    );
  });

  it('Go’s database/sql has no limit by default: the scenario says it is configured with one', () => {
    const t = buildTimeline(exhausted, { lang: 'go', db: 'mysql' });
    expect(step(t, 'db-checkout-wait')?.narration).toMatch(/SetMaxOpenConns\(10\)/);
  });

  it('does not apply to PHP, and says why', () => {
    expect(exhausted.notFor).toEqual([{ lang: 'php', reason: expect.stringMatching(/no connection pool/) }]);
  });
});
