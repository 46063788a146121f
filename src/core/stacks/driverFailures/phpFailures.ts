import type { Database } from '../../model/stack.ts';
import { ADDRESS } from '../../world/world.ts';
import type { DriverFailures } from '../types.ts';
import { at, TCP_GIVES_UP } from './shared.ts';

const laravel = (error: string): DriverFailures['refused'] => ({
  pool: 'The worker’s connection is dead: the query fails with a lost-connection error, and Laravel reconnects once and runs it again (tryAgainIfCausedByLostConnection).',
  staleWrite: 'query',
  error: `Illuminate\\Database\\QueryException: ${error}`,
  giveUpMs: 0,
  giveUp: 'The reconnect is refused at once, and Laravel retries only once.',
});

export const phpFailures: Readonly<Record<Database, DriverFailures>> = {
  postgres: {
    refused: laravel(
      `SQLSTATE[08006] [7] connection to server at "${ADDRESS.db}", port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections? (Connection: pgsql, SQL: {sql})`,
    ),
    unreachable: `PDO sets no read timeout for PostgreSQL, so the query waits; ${TCP_GIVES_UP}.`,
    exhausted: null,
  },
  mysql: {
    refused: laravel('SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: {sql})'),
    unreachable: `pdo_mysql reads with default_socket_timeout (60 s) only while connecting; the query waits, and ${TCP_GIVES_UP}.`,
    exhausted: null,
  },
  mongodb: {
    refused: {
      pool: 'The PHP driver’s connection is gone; in a single-threaded client it selects a server once (serverSelectionTryOnce, true by default) and reconnects.',
      staleWrite: null,
      error: `MongoDB\\Driver\\Exception\\ConnectionTimeoutException: No suitable servers found (\`serverSelectionTryOnce\` set): [connection refused calling hello on '${at('mongodb')}']`,
      giveUpMs: 0,
      giveUp:
        'serverSelectionTryOnce makes the PHP driver give up after one refused attempt instead of waiting 30 s.',
    },
    unreachable: `The PHP driver’s socketTimeoutMS is 300000 by default (5 minutes), so the command waits that long.`,
    exhausted: null,
  },
};
