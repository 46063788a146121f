import type { HttpRequest } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { headerValue } from '../protocols/http.ts';
import { logTime } from '../protocols/logTime.ts';
import { ADDRESS } from '../world/world.ts';

/**
 * A line of nginx's error log about the upstream, as nginx 1.22 writes it (checked on a real one in
 * tests/truth/nginxBadGateway.test.ts): time, level, pid#tid, the connection's number, the failure, and
 * the request's context (the upstream's address when it was chosen: a request refused before, by limit_req,
 * has none), with the Referer when the request has one. The pid is the world's.
 */
export function nginxErrorLog(
  ctx: EngineContext,
  forwarded: HttpRequest,
  failure: string,
  upstream = true,
): string {
  const app = `${ADDRESS.app}:${ctx.profile.port}`;
  const pid = 1000 + (ctx.scenario.seed % 9000);
  const referer = headerValue(forwarded.headers, 'Referer');
  return `${logTime(ctx.b.now())} [error] ${pid}#${pid}: *1 ${failure}, client: ${ADDRESS.browser}, server: ${ctx.url.host}, request: "${forwarded.method} ${forwarded.target} HTTP/1.1"${upstream ? `, upstream: "http://${app}${forwarded.target}"` : ''}, host: "${ctx.url.host}"${referer === undefined ? '' : `, referrer: "${referer}"`}`;
}
