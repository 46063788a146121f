import type { DbOperation } from '../data/dbOperation.ts';
import type { AppContext } from './AppContext.ts';
import type { DbFailed } from './dbFailed.ts';
import type { DbRows } from './runOperation.ts';
import { withConnection } from './withConnection.ts';

/**
 * Checks a connection out of the pool, runs the operation's round trips and releases the connection.
 * Returns the rows or documents, or the app's answer when the database failed (`DbFailed`).
 */
export function queryDatabase(ctx: AppContext, op: DbOperation): DbRows | DbFailed {
  return withConnection(ctx, (run) => run(op));
}
