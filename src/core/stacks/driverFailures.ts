import type { Database, Language } from '../model/stack.ts';
import { ADDRESS, DATABASE_INFO } from '../world/world.ts';
import type { DriverFailures } from './types.ts';

/**
 * What each stack's driver and pool do when the database fails (`DriverFailures`), with their error texts
 * and timeouts. Node's and Python's refused-connect texts are checked against the runtimes here
 * (tests/truth/databaseFaults.test.ts); pg-pool's "timeout exceeded when trying to connect", HikariCP's
 * "Connection is not available, request timed out after …ms", Active Record's ConnectionTimeoutError, MySQL
 * Connector/Python's PoolError and 2003 refusal, pgx's dial error and the MongoDB drivers' wait-queue texts
 * against their source and real logs found through the code search; the others and the timeouts against the
 * drivers' documented defaults.
 * "Configured" marks a value this shop sets; everything else is a default.
 */
const at = (db: Database): string => `${ADDRESS.db}:${DATABASE_INFO[db].port}`;
const TCP_GIVES_UP =
  'Linux gives up on the connection only after tcp_retries2 (15) retransmissions, about 15 minutes at these timeouts, and the driver then reports ETIMEDOUT';
const SELECTION =
  'Server selection keeps trying (the driver re-checks the server at most every 500 ms, minHeartbeatFrequencyMS) until serverSelectionTimeoutMS, 30 s by default, so the proxy’s timeout fires first';
const MONGO_STUCK = `socketTimeoutMS is 0 by default (no limit): the command already sent waits; ${TCP_GIVES_UP}`;
const CONTEXT_WAIT =
  'the handler passes r.Context(), which has no deadline: it ends only when the client (here, the proxy) goes away';

const node: Readonly<Record<Database, DriverFailures>> = {
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

const python: Readonly<Record<Database, DriverFailures>> = {
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

const hikari = (cause: string): DriverFailures => ({
  refused: {
    pool: 'HikariCP validates a connection idle for more than 500 ms before handing it out (Connection.isValid); it is dead, so HikariCP evicts it and the request waits while HikariCP’s adder thread tries to open new ones, each refused.',
    staleWrite: 'Connection.isValid()’s check',
    error: `java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=0)\nCaused by: ${cause}`,
    giveUpMs: 30_000,
    giveUp:
      'The request waits for HikariCP’s connectionTimeout, 30 s by default, before it throws, so the proxy’s timeout fires first.',
  },
  unreachable: `HikariCP hands out a connection used less than 500 ms ago without validating it, and the JDBC driver’s socketTimeout is 0 by default (no limit), so the query waits; ${TCP_GIVES_UP}.`,
  exhausted: {
    timeoutMs: 2000,
    setting: 'connectionTimeout is configured to 2000 ms (HikariCP’s default is 30000)',
    error:
      'java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 2000ms (total=10, active=10, idle=0, waiting=0)',
  },
});

const java: Readonly<Record<Database, DriverFailures>> = {
  postgres: hikari(
    `org.postgresql.util.PSQLException: Connection to ${at('postgres')} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`,
  ),
  mysql: hikari(
    'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.',
  ),
  mongodb: {
    refused: {
      pool: 'The Java driver’s monitor saw its connection close and marked the server Unknown: the find must first select a server.',
      staleWrite: null,
      error: `com.mongodb.MongoTimeoutException: Timed out after 30000 ms while waiting to connect. Client view of cluster state is {type=UNKNOWN, servers=[{address=${at('mongodb')}, type=UNKNOWN, state=CONNECTING, exception={com.mongodb.MongoSocketOpenException: Exception opening socket}, caused by {java.net.ConnectException: Connection refused}}]`,
      giveUpMs: 30_000,
      giveUp: SELECTION,
    },
    unreachable: MONGO_STUCK,
    exhausted: {
      timeoutMs: 2000,
      setting: 'maxWaitTime is configured to 2000 ms (the Java driver’s default is 120000)',
      error: `com.mongodb.MongoTimeoutException: Timed out after 2000 ms while waiting for a connection to server ${at('mongodb')}.`,
    },
  },
};

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

const ruby: Readonly<Record<Database, DriverFailures>> = {
  postgres: activeRecord(
    `connection to server at "${ADDRESS.db}", port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`,
  ),
  mysql: activeRecord(`Can't connect to MySQL server on '${at('mysql')}' (111)`),
  mongodb: {
    refused: {
      pool: 'The mongo gem’s monitor saw its connection close and marked the server Unknown: the find must first select a server.',
      staleWrite: null,
      error: `Mongo::Error::NoServerAvailable (No primary server is available in cluster: #<Cluster topology=Single[${at('mongodb')}] servers=[#<Server address=${at('mongodb')} UNKNOWN>]> with timeout=30, LT=0.015)`,
      giveUpMs: 30_000,
      giveUp:
        'Server selection keeps trying until server_selection_timeout, 30 s by default, so the proxy’s timeout fires first',
    },
    unreachable: `The mongo gem’s socket_timeout is nil by default (no limit): the command already sent waits; ${TCP_GIVES_UP}.`,
    exhausted: {
      timeoutMs: 2000,
      setting: 'wait_queue_timeout is configured to 2 (the mongo gem’s default is 10 seconds)',
      error: `Mongo::Error::ConnectionCheckOutTimeout (Timed out attempting to check out a connection from pool for ${at('mongodb')} after 2.0 sec)`,
    },
  },
};

const go: Readonly<Record<Database, DriverFailures>> = {
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

const laravel = (error: string): DriverFailures['refused'] => ({
  pool: 'The worker’s connection is dead: the query fails with a lost-connection error, and Laravel reconnects once and runs it again (tryAgainIfCausedByLostConnection).',
  staleWrite: 'query',
  error: `Illuminate\\Database\\QueryException: ${error}`,
  giveUpMs: 0,
  giveUp: 'The reconnect is refused at once, and Laravel retries only once.',
});

const php: Readonly<Record<Database, DriverFailures>> = {
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

const cpp: Readonly<Record<Database, DriverFailures>> = {
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

/** Every stack's driver failures: DRIVER_FAILURES[lang][db]. */
export const DRIVER_FAILURES: Readonly<Record<Language, Readonly<Record<Database, DriverFailures>>>> = {
  node,
  python,
  java,
  ruby,
  go,
  php,
  cpp,
};
