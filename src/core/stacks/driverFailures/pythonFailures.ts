import type { Database } from '../../model/stack.ts';
import { ADDRESS } from '../../world/world.ts';
import type { DriverFailures } from '../types.ts';
import { at, TCP_GIVES_UP, SELECTION } from './shared.ts';

export const pythonFailures: Readonly<Record<Database, DriverFailures>> = {
  postgres: {
    refused: {
      pool: 'asyncpg’s pool finds the connection closed and reconnects on acquire.',
      staleWrite: null,
      error: `ConnectionRefusedError: [Errno 111] Connect call failed ('${ADDRESS.db}', 5432)`,
      giveUpMs: 0,
      giveUp: 'asyncpg makes one connection attempt and does not retry.',
    },
    unreachable: `asyncpg’s command_timeout is None by default, so the query waits; ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: null,
      setting:
        'asyncpg’s pool.acquire() waits with no limit unless the call passes a timeout (None by default)',
      error: null,
    },
  },
  mysql: {
    refused: {
      pool: 'MySQLConnectionPool hands out a pooled connection; get_connection sees it is not connected and calls reconnect().',
      staleWrite: 'is_connected()’s COM_PING',
      error: `mysql.connector.errors.InterfaceError: 2003: Can't connect to MySQL server on '${at('mysql')}' (111 Connection refused)`,
      giveUpMs: 0,
      giveUp: 'reconnect() makes one attempt (attempts=1 by default).',
    },
    unreachable: `MySQL Connector/Python sets no read timeout by default (connection_timeout unset), so the statement waits; ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: 0,
      setting:
        'MySQLConnectionPool never waits: get_connection raises at once when all pool_size connections are out',
      error: 'mysql.connector.errors.PoolError: Failed getting connection; pool exhausted',
    },
  },
  mongodb: {
    refused: {
      pool: 'PyMongo’s monitor saw its connection close, marked the server Unknown and reset the pool: the find must first select a server.',
      staleWrite: null,
      error: `pymongo.errors.ServerSelectionTimeoutError: ${at('mongodb')}: [Errno 111] Connection refused`,
      giveUpMs: 30_000,
      giveUp: SELECTION,
    },
    unreachable: `PyMongo’s socketTimeoutMS is None by default (no limit): the command already sent waits; ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: 2000,
      setting: 'waitQueueTimeoutMS is configured to 2000 (PyMongo’s default, None, waits with no limit)',
      error:
        'pymongo.errors.WaitQueueTimeoutError: Timed out while checking out a connection from connection pool. maxPoolSize: 100, timeout: 2.0',
    },
  },
};
