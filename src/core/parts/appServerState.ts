import type { NodeState } from '../model/nodes.ts';
import type { Database } from '../model/stack.ts';
import { ROUTES } from '../app/matchRoute.ts';
import { poolUse } from '../app/poolUse.ts';
import { exhaustedPool } from '../app/exhaustedPool.ts';
import type { DatabaseFault } from '../model/scenario.ts';
import type { LanguageProfile } from '../stacks/types.ts';

/**
 * What an app server knows before step 1: its routes and its connection(s) to the stack's database; with
 * `pool-exhausted`, every pooled connection is already checked out by other requests.
 */
export function appServerState(
  profile: LanguageProfile,
  db: Database,
  fault: DatabaseFault = 'up',
): NodeState {
  const connections = profile.connections[db];
  const busy = fault === 'pool-exhausted' && connections.kind === 'pool' ? exhaustedPool(connections) : null;
  return {
    routes: ROUTES.map((r) => `${r.method} ${profile.routing.pattern(r.pattern)}`).join(' · '),
    ...(connections.kind === 'pool'
      ? { 'db pool': busy ? poolUse(busy, busy.max ?? 0) : poolUse(connections, 0) }
      : { 'db connection': `idle, kept open by the worker` }),
  };
}

/** A replica's or a pod's requests in progress, as its state and its card show them: "2 in flight". */
export const inFlightLine = (requests: number): string => `${requests} in flight`;
