import type { NodeState } from '../model/nodes.ts';
import { ROUTES } from '../app/matchRoute.ts';
import type { LanguageProfile } from '../stacks/types.ts';

/** What an app server knows before step 1: its routes and its database connection(s). */
export function appServerState(profile: LanguageProfile): NodeState {
  return {
    routes: ROUTES.map((r) => `${r.method} ${profile.routing.pattern(r.pattern)}`).join(' · '),
    ...(profile.connections === 'pool'
      ? { 'db pool': '0 of 10 in use' }
      : { 'db connection': `idle, kept open by the worker` }),
  };
}
