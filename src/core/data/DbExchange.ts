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
  readonly response: Message;
  /** Rows or documents the handler gets back (for the JSON it sends). */
  readonly result: readonly Readonly<Record<string, unknown>>[];
  /** Row/doc counts the database holds afterwards, if they changed: table → count. */
  readonly counts?: Readonly<Record<string, number>>;
}
