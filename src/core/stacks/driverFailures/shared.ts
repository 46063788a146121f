import type { Database } from '../../model/stack.ts';
import { ADDRESS, DATABASE_INFO } from '../../world/world.ts';

// Words the drivers' failure tables share.

/** The database's address and port, as the drivers print it: "10.0.0.31:5432". */
export const at = (db: Database): string => `${ADDRESS.db}:${DATABASE_INFO[db].port}`;
export const TCP_GIVES_UP =
  'Linux gives up on the connection only after tcp_retries2 (15) retransmissions, about 15 minutes at these timeouts, and the driver then reports ETIMEDOUT';
export const SELECTION =
  'Server selection keeps trying (the driver re-checks the server at most every 500 ms, minHeartbeatFrequencyMS) until serverSelectionTimeoutMS, 30 s by default, so the proxy’s timeout fires first';
export const MONGO_STUCK = `socketTimeoutMS is 0 by default (no limit): the command already sent waits; ${TCP_GIVES_UP}`;
export const CONTEXT_WAIT =
  'the handler passes r.Context(), which has no deadline: it ends only when the client (here, the proxy) goes away';
