import type { Message } from '../model/messages.ts';

/** One round trip to the database: what the app sends, how the engine runs it, what comes back. */
export interface DbExchange {
  /** Slug part for step ids: "query", "begin", "commit". */
  readonly id: string;
  readonly request: Message;
  /** The plan the database executes, as its EXPLAIN prints it, or null for BEGIN/COMMIT. */
  readonly plan: { readonly text: string; readonly summary: string } | null;
  /** Time the database spends executing, in ms. */
  readonly costMs: number;
  /** What the database answers, or null for a command it does not answer (COM_STMT_CLOSE). */
  readonly response: Message | null;
  /** Rows or documents the handler gets back (for the JSON it sends). */
  readonly result: readonly Readonly<Record<string, unknown>>[];
  /** Row/doc counts the database holds afterwards, if they changed: table → count. */
  readonly counts?: Readonly<Record<string, number>>;
}

/**
 * How a driver sends a MySQL statement with values, as the stack writes and configures it:
 * - `text`: the values escaped into the SQL, one COM_QUERY (Active Record's mysql2 adapter by default);
 * - `prepare`: COM_STMT_PREPARE (a round trip) for every query, then COM_STMT_EXECUTE with the values
 *   apart, then COM_STMT_CLOSE, which MySQL does not answer;
 * - `cached`: COM_STMT_EXECUTE alone, on a statement the connection prepared for an earlier request.
 */
export type MysqlStatements = 'text' | 'prepare' | 'cached';

/**
 * How a MongoDB driver sends findOne: `find` with `limit: 1` and `singleBatch: true` (the CRUD spec's
 * findOne, as the Node, Python, Java, Ruby, Go and PHP drivers write it), or with `limit: 1` alone
 * (mongocxx's find_one sets limit(1) on its find options, which libmongoc passes on as they are).
 */
export type MongoFindOne = 'single-batch' | 'limit';

/**
 * What a MongoDB driver puts in the getMore that fetches a cursor's next batch when the handler set a limit
 * and no batch size: `batchSize` with what is left of the limit (the Node driver's FindCursor.getMore, PyMongo,
 * the Ruby driver), or none (the Go driver's BatchCursor.getMore sends one only when it has a batch size;
 * libmongoc's _mongoc_cursor_prepare_getmore_command likewise, for PHP and mongocxx, and the Java driver 5's
 * CommandBatchCursor): the server's cursor remembers the limit either way.
 */
export type MongoGetMore = 'remaining' | 'none';
