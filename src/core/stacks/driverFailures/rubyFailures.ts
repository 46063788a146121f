import type { Database } from '../../model/stack.ts';
import { ADDRESS } from '../../world/world.ts';
import type { DriverFailures } from '../types.ts';
import { at, TCP_GIVES_UP } from './shared.ts';

const activeRecord = (cause: string): DriverFailures => ({
  refused: {
    pool: 'Active Record’s connection is dead; it reconnects and retries the read once, since a SELECT is safe to retry (connection_retries: 1).',
    staleWrite: 'query',
    error: `ActiveRecord::ConnectionNotEstablished (${cause})`,
    giveUpMs: 0,
    giveUp: 'The reconnect is refused at once, and Active Record does not retry a refused connect.',
  },
  unreachable: `Active Record sets no read timeout by default, so the query waits; ${TCP_GIVES_UP}.`,
  exhausted: {
    timeoutMs: 2000,
    setting: 'checkout_timeout is configured to 2 in database.yml (Active Record’s default is 5 seconds)',
    error:
      'ActiveRecord::ConnectionTimeoutError (could not obtain a connection from the pool within 2.000 seconds (waited 2.000 seconds); all pooled connections were in use)',
  },
});

export const rubyFailures: Readonly<Record<Database, DriverFailures>> = {
  postgres: activeRecord(
    `connection to server at "${ADDRESS.db}", port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`,
  ),
  mysql: activeRecord(`Can't connect to MySQL server on '${at('mysql')}' (111)`),
  mongodb: {
    refused: {
      pool: 'The mongo gem’s monitor saw its connection close and marked the server Unknown: the find must first select a server.',
      staleWrite: null,
      error: `Mongo::Error::NoServerAvailable (No primary server is available in cluster: #<Cluster topology=Single[${at('mongodb')}] servers=[#<Server address=${at('mongodb')} UNKNOWN pool=#<ConnectionPool size=0 (0-20) used=0 avail=0 pending=0 paused>>]> with timeout=30, LT=0.015)`,
      giveUpMs: 30_000,
      giveUp:
        'Server selection keeps trying until server_selection_timeout, 30 s by default, so the proxy’s timeout fires first',
    },
    unreachable: `The mongo gem’s socket_timeout is nil by default (no limit): the command already sent waits; ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: 2000,
      setting: 'wait_queue_timeout is configured to 2 (the mongo gem’s default is 10 seconds)',
      error: `Mongo::Error::ConnectionCheckOutTimeout (Timed out attempting to check out a connection from pool for ${at('mongodb')} after 2 sec. Connections in pool: 0 available, 20 checked out, 0 pending, 0 connections requests (max size: 20))`,
    },
  },
};
