import type { PoolConnections } from '../stacks/types.ts';

/** Connections in use out of the pool's size: "1 of 10 in use", "1 in use (no limit)". */
export function poolUse(pool: PoolConnections, inUse: number): string {
  return pool.max === null ? `${inUse} in use (no limit)` : `${inUse} of ${pool.max} in use`;
}
