import type { HttpResponse } from '../model/messages.ts';
import { internal } from '../journey/EngineContext.ts';
import { statusText } from '../protocols/http.ts';
import { COST_MS } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { explain, respond } from './AppContext.ts';

/**
 * A JSON body the framework cannot parse, refused as soon as the framework reads it (before routing or before
 * the auth check, by the framework's own rule), before any handler code runs.
 */
export function refuseBody(ctx: AppContext): HttpResponse {
  const answer = { kind: 'invalid', body: ctx.body, badId: null } as const;
  const preview = respond(ctx, answer);
  ctx.b.local(ctx.app, COST_MS.validate, {
    id: 'server-bad-json',
    phase: 'server',
    title: 'The body is not JSON',
    narration: `The request says Content-Type: application/json, but its body is not valid JSON. ${explain(ctx, answer)}`,
    why: 'Robustness: input that cannot even be parsed is turned away before any code that trusts it runs.',
    message: internal(
      statusText(preview),
      `${ctx.request.method} ${ctx.url.path}: body is not valid JSON → ${statusText(preview)}`,
    ),
  });
  return respond(ctx, answer);
}
