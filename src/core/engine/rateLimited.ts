import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { headerValue } from '../protocols/http.ts';
import { COST_MS } from '../world/world.ts';
import { nginxError } from '../protocols/nginxError.ts';
import { nginxErrorLog } from './nginxErrorLog.ts';

/** nginx's excess as its log prints it: requests and thousandths ("21.000"). */
const thousandths = (excess: number): string => (Math.round(excess * 1000) / 1000).toFixed(3);

/**
 * nginx's limit_req refuses the request before it reaches the app: the client's bucket holds more excess
 * than `burst` allows. nginx answers with its own page for `limit_req_status 429` (its default would be
 * 503 Service Temporarily Unavailable, and it never sends Retry-After of its own: the configuration adds
 * one with `add_header Retry-After $retry_after always`, a map that is empty for every other status) and
 * logs "limiting requests". Checked against nginx 1.22.1 in tests/truth/nginxRateLimit.test.ts. Returns null
 * when the scenario sets no limit or the bucket has room.
 */
export function rateLimited(ctx: EngineContext, request: HttpRequest): HttpResponse | null {
  const limit = ctx.scenario.rateLimit;
  if (!limit || limit.excess <= limit.burst) return null;
  const { b } = ctx;
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'proxy-rate-limited',
    phase: 'server',
    title: 'limit_req: too many requests',
    narration: `Before choosing an app server, nginx's limit_req counts this client's requests (by address) in a leaky bucket that drains ${limit.rate} per second. The page's script has been firing requests faster than that, and with this one the bucket would hold ${limit.excess} requests over the rate, past the burst of ${limit.burst} it tolerates. nginx refuses at once with its own 429 page, adds Retry-After: ${limit.retryAfter}, and writes a line to its error log. The app server never sees the request.`,
    why: 'Robustness: a limit at the proxy keeps one client (a bug, a scraper, a retry storm) from using up the app servers and the database for everyone.',
    message: internal(
      `limiting requests, excess: ${thousandths(limit.excess)}`,
      nginxErrorLog(
        ctx,
        request,
        `limiting requests, excess: ${thousandths(limit.excess)} by zone "api"`,
        false,
      ),
    ),
    changes: [
      {
        node: 'proxy',
        key: 'limit_req zone=api',
        value: `refused (excess ${thousandths(limit.excess)} > burst ${limit.burst})`,
      },
    ],
  });
  const page = nginxError(
    429,
    'Too Many Requests',
    b.now(),
    'keep-alive',
    headerValue(request.headers, 'User-Agent'),
  );
  return { ...page, headers: [...page.headers, ['Retry-After', String(limit.retryAfter)]] };
}
