import type { HttpResponse } from '../model/messages.ts';
import { internal } from '../journey/EngineContext.ts';
import { COST_MS } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { explain, respond } from './AppContext.ts';
import type { RefusedParameter } from './matchRoute.ts';

/**
 * No route matches: the router's step, then the framework's own answer (404, or 405 where the path has
 * routes for other methods and the framework says so). `refused` is the id a route constraint turned down.
 */
export function noRoute(
  ctx: AppContext,
  refused: RefusedParameter | null,
  allowed: readonly string[],
): HttpResponse {
  const { request, profile } = ctx;
  const path = ctx.url.path;
  const answer = { kind: 'noRoute', allowed } as const;
  const preview = respond(ctx, answer);
  const why = refused
    ? `. ${profile.routing.pattern(refused.route.pattern)} has the right shape, but it only takes an id matching ${refused.rule}, and "${refused.value}" is not one, so no route matches.`
    : allowed.length > 0 && preview.status === 405
      ? `: the path is there, but only for ${allowed.join(' and ')}.`
      : ' and none matches.';
  ctx.b.local(ctx.app, COST_MS.routeMatch, {
    id: 'server-no-route',
    phase: 'server',
    title: 'No route matches',
    narration:
      `${profile.framework}'s router compares ${request.method} ${path} with every route it knows${why} ${explain(ctx, answer)}`.trim(),
    why: refused
      ? 'Security: a route that only accepts a numeric id keeps malformed input away from the handler and the database.'
      : 'Robustness: an unknown path costs microseconds and touches nothing else.',
    message: internal(
      `no route for ${request.method} ${path}`,
      refused
        ? `${request.method} ${path} → no matching route (${refused.rule}) → ${preview.status}`
        : `${request.method} ${path} → no matching route → ${preview.status}`,
    ),
  });
  return respond(ctx, answer);
}
