import type { NodeState } from '../model/nodes.ts';
import type { Database } from '../model/stack.ts';
import { ROUTES } from '../app/matchRoute.ts';
import { poolUse } from '../app/withConnection.ts';
import type { LanguageProfile } from '../stacks/types.ts';

/** What an app server knows before step 1: its routes and its connection(s) to the stack's database. */
export function appServerState(profile: LanguageProfile, db: Database): NodeState {
  const connections = profile.connections[db];
  return {
    routes: ROUTES.map((r) => `${r.method} ${profile.routing.pattern(r.pattern)}`).join(' · '),
    ...(connections.kind === 'pool'
      ? { 'db pool': poolUse(connections, 0) }
      : { 'db connection': `idle, kept open by the worker` }),
  };
}

/** A replica's or a pod's requests in progress, as its state and its card show them: "2 in flight". */
export const inFlightLine = (requests: number): string => `${requests} in flight`;
