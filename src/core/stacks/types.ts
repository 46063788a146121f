import type { Database, Language } from '../model/stack.ts';
import type { MongoFindOne, MongoGetMore, MysqlStatements } from '../data/DbExchange.ts';
import type { ResponseStyle, RoutingRules } from './frameworks/Framework.ts';
import type { SessionStyle } from './sessions/SessionStyle.ts';

/** The handler operations the shop app has (one route each). */
export type HandlerOp = 'getProduct' | 'findBySku' | 'createReview' | 'login' | 'me' | 'listProducts';

/** Lines the engine points at while a step runs inside the handler. */
export type CodeMark =
  | 'route'
  | 'badId'
  | 'auth'
  | 'validate'
  | 'cacheGet'
  | 'cacheSet'
  | 'checkout'
  | 'lookup'
  | 'begin'
  | 'query'
  | 'commit'
  | 'notModified'
  | 'notFound'
  | 'password'
  | 'startSession'
  | 'readSession'
  | 'respond';

/** Source code with the 1-based line numbers of its marks. */
export interface HandlerSource {
  readonly file: string;
  readonly source: string;
  readonly marks: Readonly<Partial<Record<CodeMark, number>>>;
}

/**
 * A connection pool's size: `max` connections (null: no limit), and where the number comes from, in words
 * that finish "a pool of …": "at most 10 (pg's default max)".
 */
export interface PoolConnections {
  readonly kind: 'pool';
  readonly max: number | null;
  readonly setting: string;
}

export type Connections = PoolConnections | { readonly kind: 'worker' };

/** What one handler language brings to a stack: its framework, its port, its drivers and its code. */
export interface LanguageProfile {
  readonly id: Language;
  /** The language as people name it: "Node.js", "Python", "Java". */
  readonly label: string;
  /** "Express 5" */
  readonly framework: string;
  /** Language name for syntax highlighting: "javascript", "python", "java", "ruby", "go", "php". */
  readonly syntax: string;
  /** Port the app server listens on behind the proxy. */
  readonly port: number;
  /** Database driver or client library per database: "pg", "mysql2", "mongodb". */
  readonly drivers: Readonly<Record<Database, string>>;
  /** What its driver and pool do when the database fails, per database (`DRIVER_FAILURES`). */
  readonly driverFailures: Readonly<Record<Database, DriverFailures>>;
  /**
   * What the driver hands the handler for one row or document, and for several, per database:
   * ['a JavaScript object', 'JavaScript objects']. Narration uses it after a query's result arrives.
   */
  readonly rowObjects: Readonly<Record<Database, readonly [one: string, many: string]>>;
  /**
   * How the app keeps database connections, per database: a pool shared by the requests of one process
   * (most stacks), with the driver's real default size or the size the app configures, or one connection
   * per worker process that outlives its requests (PHP's PDO has no pool; Octane keeps the worker, and its
   * connection, alive).
   */
  readonly connections: Readonly<Record<Database, Connections>>;
  /**
   * How its MySQL driver sends a statement with values, as the handler is written and configured (`mode`),
   * and why, in a clause: "go-sql-driver/mysql prepares every query that has arguments (interpolateParams
   * is off by default)".
   */
  readonly mysqlStatements: { readonly mode: MysqlStatements; readonly how: string };
  /** How its MongoDB driver writes findOne on the wire, when not as the CRUD spec's (`single-batch`). */
  readonly mongoFindOne?: MongoFindOne;
  /**
   * Set when the handler cannot wait for COMMIT's answer, and how the commit is sent, in a clause (Drogon:
   * "tx.reset() drops the transaction's last reference, and its destructor queues COMMIT on the
   * connection's event loop"). The handler answers at once; the connection is released when COMMIT's
   * answer arrives.
   */
  readonly commitUnawaited?: string;
  /** Whether its MongoDB driver's getMore asks for what is left of a limit (`remaining`, when absent) or sends no batchSize. */
  readonly mongoGetMore?: MongoGetMore;
  /** How the framework routes a request and gets the product id out of its path. */
  readonly routing: RoutingRules;
  /** How the framework and the handler code write each answer on the wire (headers, body, status). */
  readonly response: ResponseStyle;
  /** How the framework logs a user in and keeps the session (login-session). */
  readonly session: SessionStyle;
  /** The handler for an operation on a database, with or without the Redis cache-aside. */
  handler(op: HandlerOp, db: Database, cached: boolean): HandlerSource;
}

/** What a stack's driver and pool do when the database fails (`stacks/driverFailures.ts`, `app/databaseFault.ts`). */
export interface DriverFailures {
  /** The database process died: its machine refuses the connect (RST). */
  readonly refused: {
    /** What the pool does when the handler asks for a connection, in a sentence. */
    readonly pool: string;
    /**
     * What the driver writes on the dead pooled connection before it finds out (the machine's kernel answers
     * it with RST): 'query' when it is the handler's own statement or command, which the app then retries on a
     * new connection; a check in words ("Connection.isValid()’s check") told in the checkout's narration; null
     * when the pool already knew (it read the FIN).
     */
    readonly staleWrite: 'query' | string | null;
    /** The error the handler gets, as the app's log shows it; `{sql}` is the statement with its values. */
    readonly error: string;
    /** How long the driver keeps trying before it throws: 0 at once, Infinity never on its own. */
    readonly giveUpMs: number;
    /** Why it throws at once or what it waits for, in a sentence. */
    readonly giveUp: string;
  };
  /** The machine vanished: what, if anything, stops the write that is retransmitted, in a sentence. */
  readonly unreachable: string;
  /** Every pooled connection is busy; null where the stack has no pool to wait on. */
  readonly exhausted: {
    /** How long the checkout waits before the driver throws; null: no limit. */
    readonly timeoutMs: number | null;
    /** Where the wait comes from, in a sentence that says "configured" for a value the shop sets. */
    readonly setting: string;
    /** The error when the wait ends; null when it never ends on its own. */
    readonly error: string | null;
  } | null;
}
