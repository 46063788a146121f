import type { PoolConnections } from '../stacks/types.ts';

/** A pool the shop runs with no size limit by default is configured to this size when the scenario needs one. */
export const CONFIGURED_POOL = 10;

/** The pool as `pool-exhausted` runs it: its own size, or a configured one where the default has no limit. */
export function exhaustedPool(pool: PoolConnections): PoolConnections {
  return pool.max !== null
    ? pool
    : { ...pool, max: CONFIGURED_POOL, setting: `configured with SetMaxOpenConns(${CONFIGURED_POOL})` };
}
