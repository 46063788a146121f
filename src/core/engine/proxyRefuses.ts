import type { HttpResponse } from '../model/messages.ts';
import { COST_MS } from '../world/world.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { nginxError } from '../protocols/nginxError.ts';

/** A "%" not followed by two hex digits, or an escaped NUL: nginx cannot decode such a path. */
const BAD_ESCAPE = /%(?![0-9a-fA-F]{2})|%00/;

/**
 * The reverse proxy (nginx) decodes the path to route it. A path whose percent-escapes it cannot decode is
 * refused with its own 400 page, and the connection is closed; nothing reaches the app server. Returns
 * null when the path is fine.
 */
export function proxyRefuses(ctx: EngineContext): HttpResponse | null {
  if (!BAD_ESCAPE.test(ctx.url.path)) return null;
  ctx.b.local('proxy', COST_MS.proxyRoute, {
    id: 'proxy-bad-request',
    phase: 'server',
    title: 'Proxy refuses the path',
    narration: `The reverse proxy decodes the path before routing it, but ${ctx.url.path} has a "%" that is not followed by two hex digits (or encodes a NUL byte). It answers 400 Bad Request itself and closes the connection; the app server never sees the request.`,
    why: 'Security: a proxy that refuses paths it cannot decode leaves no room for the app to read them differently.',
    message: internal(
      '400 Bad Request',
      `client sent invalid request while reading client request line: "${ctx.url.target}"`,
    ),
  });
  return nginxError(400, 'Bad Request', ctx.b.now(), 'close');
}
