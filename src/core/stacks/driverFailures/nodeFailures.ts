import type { Database } from '../../model/stack.ts';
import type { DriverFailures } from '../types.ts';
import { at, TCP_GIVES_UP, SELECTION, MONGO_STUCK } from './shared.ts';

export const nodeFailures: Readonly<Record<Database, DriverFailures>> = {
  postgres: {
    refused: {
      pool: 'pg.Pool dropped its idle clients when their sockets closed (an idle client that errors or ends is removed), so it opens a new one.',
      staleWrite: null,
      error: `Error: connect ECONNREFUSED ${at('postgres')}`,
      giveUpMs: 0,
      giveUp: 'pg makes one connection attempt and does not retry.',
    },
    unreachable: `pg sets no query timeout by default (query_timeout and statement_timeout unset), so the query waits; ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: 2000,
      setting: 'connectionTimeoutMillis is configured to 2000 (pg’s default, 0, waits with no limit)',
      error: 'Error: timeout exceeded when trying to connect',
    },
  },
  mysql: {
    refused: {
      pool: 'mysql2’s pool removed its connections when the server closed them, so it opens a new one.',
      staleWrite: null,
      error: `Error: connect ECONNREFUSED ${at('mysql')}`,
      giveUpMs: 0,
      giveUp: 'mysql2 makes one connection attempt and does not retry.',
    },
    unreachable: `mysql2 sets no query timeout by default, so the statement waits; ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: null,
      setting:
        'mysql2’s pool has no checkout timeout: with waitForConnections (true by default) and queueLimit 0, the request waits in its queue with no limit',
      error: null,
    },
  },
  mongodb: {
    refused: {
      pool: 'The driver’s monitor saw its connection close, marked the server Unknown and cleared the pool: the find must first select a server.',
      staleWrite: null,
      error: `MongoServerSelectionError: connect ECONNREFUSED ${at('mongodb')}`,
      giveUpMs: 30_000,
      giveUp: SELECTION,
    },
    unreachable: MONGO_STUCK,
    exhausted: {
      timeoutMs: 2000,
      setting: 'waitQueueTimeoutMS is configured to 2000 (the driver’s default, 0, waits with no limit)',
      error: 'MongoWaitQueueTimeoutError: Timed out while checking out a connection from connection pool',
    },
  },
};
