import type { HttpResponse } from '../model/messages.ts';
import { internal } from '../journey/EngineContext.ts';
import { COST_MS } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { proxyPeer } from './proxyPeer.ts';

/**
 * The handler throws (a bug: it reads the optional `fields` query parameter, which this request does not
 * send) and nothing in the app catches it: the framework's default for an uncaught exception answers,
 * or, for Go's net/http, the server closes the connection with no response ('closed').
 */
export function handlerCrash(ctx: AppContext): HttpResponse | 'closed' {
  const crash = ctx.profile.response.uncaught(ctx.request, ctx.b.now(), proxyPeer(ctx).join(':'));
  ctx.b.local(ctx.app, COST_MS.serialise, {
    id: 'server-exception',
    phase: 'server',
    title: 'Uncaught exception',
    narration: `A bug: the handler reads the optional ?fields= parameter, which this request does not carry, and the exception escapes it. ${crash.explain} The log line is where the developer finds out what happened.`,
    why: 'Security: a production server never shows the client its stack trace, which would map the code for an attacker; the log keeps it for the developer.',
    message: internal(crash.log.split('\n')[0]?.slice(0, 60) ?? 'exception', crash.log),
  });
  return crash.response ?? 'closed';
}
