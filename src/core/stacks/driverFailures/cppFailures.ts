import type { Database } from '../../model/stack.ts';
import type { DriverFailures } from '../types.ts';
import { at, TCP_GIVES_UP, SELECTION } from './shared.ts';

/**
 * Drogon's DbClient (orm_lib/src/DbClientImpl.cc): a closed connection is dropped and a new one is tried
 * after 1 s (runAfter(1, newConnection)); with no ready connection a query waits in sqlCmdBuffer_ (up to
 * 200,000) and ends only with the client's `timeout`, which ConfigLoader.cc reads as -1 (none) by default.
 * mongocxx's pool (v_noabi pool.cpp) throws when waitQueueTimeoutMS ends a wait for a client.
 */
const drogonRefused = (db: Database): DriverFailures['refused'] => ({
  pool: `Drogon’s DbClient dropped its connection when the server closed it and tries a new one every second (runAfter(1, …)); each connect to ${at(db)} is refused, so the query waits in the client’s buffer.`,
  staleWrite: null,
  error: `(nothing: the query stays buffered; Drogon logs each refused connect to ${at(db)})`,
  giveUpMs: Number.POSITIVE_INFINITY,
  giveUp:
    'Drogon’s DbClient has no query timeout by default ("timeout": -1, which this shop keeps): the buffered query never fails on its own, so the proxy’s timeout fires first',
});
const drogonExhausted = {
  timeoutMs: null,
  setting:
    'Drogon’s DbClient has no checkout: a query with no free connection waits in its buffer (up to 200,000), and its "timeout" is -1 by default, so the wait has no limit',
  error: null,
};
const DROGON_UNREACHABLE = `Drogon’s DbClient has no query timeout by default ("timeout": -1), so the statement waits; ${TCP_GIVES_UP}.`;

export const cppFailures: Readonly<Record<Database, DriverFailures>> = {
  postgres: {
    refused: drogonRefused('postgres'),
    unreachable: DROGON_UNREACHABLE,
    exhausted: drogonExhausted,
  },
  mysql: { refused: drogonRefused('mysql'), unreachable: DROGON_UNREACHABLE, exhausted: drogonExhausted },
  mongodb: {
    refused: {
      pool: 'libmongoc’s monitor saw the connection close and marked the server Unknown: the find must first select a server.',
      staleWrite: null,
      error: `mongocxx::query_exception: No suitable servers found: \`serverSelectionTimeoutMS\` expired: [connection refused calling hello on '${at('mongodb')}']`,
      giveUpMs: 30_000,
      giveUp: SELECTION,
    },
    unreachable: `mongocxx sets no socket timeout for a pooled client (socketTimeoutMS defaults to 300000, 5 minutes), so the command waits.`,
    exhausted: {
      timeoutMs: 2000,
      setting:
        'waitQueueTimeoutMS is configured to 2000 (by default mongocxx::pool::acquire waits with no limit)',
      error:
        "mongocxx::exception: failed to acquire client, possibly due to parameter 'waitQueueTimeoutMS' limits.",
    },
  },
};
