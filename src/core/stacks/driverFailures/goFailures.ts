import type { Database } from '../../model/stack.ts';
import { ADDRESS } from '../../world/world.ts';
import type { DriverFailures } from '../types.ts';
import { at, TCP_GIVES_UP, SELECTION, CONTEXT_WAIT } from './shared.ts';

export const goFailures: Readonly<Record<Database, DriverFailures>> = {
  postgres: {
    refused: {
      pool: 'pgxpool pings a connection idle for more than a second before handing it out; the ping fails, so it destroys the connection and dials a new one.',
      staleWrite: 'the ping (an empty query)',
      error: `failed to connect to \`user=shop database=shop\`: ${at('postgres')} (${ADDRESS.db}): dial error: dial tcp ${at('postgres')}: connect: connection refused`,
      giveUpMs: 0,
      giveUp: 'pgx dials once and does not retry.',
    },
    unreachable: `pgx sets no timeout of its own and ${CONTEXT_WAIT}; until then ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: null,
      setting: `pgxpool’s Acquire waits until a connection is free or its context ends, and ${CONTEXT_WAIT}`,
      error: null,
    },
  },
  mysql: {
    refused: {
      pool: 'database/sql’s idle connection fails go-sql-driver/mysql’s liveness check (checkConnLiveness, on by default): the driver returns driver.ErrBadConn and database/sql dials a new connection.',
      staleWrite: null,
      error: `dial tcp ${at('mysql')}: connect: connection refused`,
      giveUpMs: 0,
      giveUp: 'The dial is refused at once; database/sql retries a bad connection, not a refused dial.',
    },
    unreachable: `go-sql-driver/mysql’s readTimeout is 0 by default and ${CONTEXT_WAIT}; until then ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: null,
      setting: `the pool is configured with SetMaxOpenConns(10) (database/sql’s default is no limit, so without it the database’s max_connections runs out instead); db.Conn waits for a free connection, and ${CONTEXT_WAIT}`,
      error: null,
    },
  },
  mongodb: {
    refused: {
      pool: 'The Go driver’s monitor saw its connection close and marked the server Unknown: the find must first select a server.',
      staleWrite: null,
      error: `server selection error: server selection timeout, current topology: { Type: Single, Servers: [{ Addr: ${at('mongodb')}, Type: Unknown, Last error: dial tcp ${at('mongodb')}: connect: connection refused }, ] }`,
      giveUpMs: 30_000,
      giveUp: SELECTION,
    },
    unreachable: `The Go driver sets no socket timeout by default and ${CONTEXT_WAIT}; until then ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: null,
      setting: `the Go driver’s checkout waits for its context (no timeoutMS is set), and ${CONTEXT_WAIT}`,
      error: null,
    },
  },
};
