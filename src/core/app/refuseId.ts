import type { HttpResponse } from '../model/messages.ts';
import { COST_MS } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { explain, respond } from './AppContext.ts';
import { codeStep } from './codeStep.ts';

/**
 * The framework's conversion or the handler's own check refuses the id in the path: its step, on the line
 * that states the rule, then the answer. Nothing has touched the cache or the database.
 */
export function refuseId(ctx: AppContext, value: string): HttpResponse {
  const answer = { kind: 'badId', value } as const;
  const { refusedBy } = ctx.profile.routing.id;
  codeStep(
    ctx,
    'server-bad-id',
    COST_MS.validate,
    refusedBy === 'handler' ? 'The handler refuses the id' : `${ctx.profile.framework} refuses the id`,
    explain(ctx, answer),
    'Security: the id is checked before anything else, so no NaN and no number the column cannot hold ever reaches a query.',
    'badId',
  );
  return respond(ctx, answer);
}
