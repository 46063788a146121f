import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { proxyPeer } from '../app/proxyPeer.ts';
import { headerValue } from '../protocols/http.ts';
import { segment, tcpMessage, tsClock } from '../protocols/tcpSegment.ts';
import { ADDRESS, COST_MS } from '../world/world.ts';
import { nginxError } from '../protocols/nginxError.ts';
import { nginxErrorLog } from './nginxErrorLog.ts';

/** A FIN on an established connection, with the timestamps option every segment of it carries. */
const finSegment = (
  from: readonly [string, number],
  to: readonly [string, number],
  seq: number,
  ack: number,
) => segment(from, to, ['FIN', 'ACK'], seq, ack, 501, { val: tsClock(seq), ecr: tsClock(ack) });

/**
 * The app's server closed the connection without a byte of response (Go's net/http after a panic): its
 * FIN reaches the proxy, which logs "upstream prematurely closed connection" and answers its own 502.
 * Checked against nginx 1.22.1 with an upstream that closes after reading the request
 * (tests/truth/nginxBadGateway.test.ts).
 */
export function upstreamClosed(ctx: EngineContext, forwarded: HttpRequest): HttpResponse {
  const { b, rng } = ctx;
  const app = [ADDRESS.app, ctx.profile.port] as const;
  b.hop(ctx.app, 'proxy', 'response', {
    id: 'upstream-fin',
    phase: 'response',
    title: 'FIN: closed, no response',
    narration: `The app server closes the connection (FIN) without sending a byte of response. The proxy was waiting for a status line; it gets the end of the stream instead.`,
    message: tcpMessage(finSegment(app, proxyPeer(ctx), rng.int(0, 2 ** 32 - 1), rng.int(0, 2 ** 32 - 1))),
  });
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'proxy-bad-gateway',
    phase: 'response',
    title: 'Upstream closed: 502',
    narration:
      'nginx logs that the upstream closed the connection before sending its response header and answers the browser itself: 502 Bad Gateway, its own HTML page (padded with comments, so Chrome shows it rather than its own error page). The app’s panic is in the app’s log, not here.',
    why: 'Operations: a 502 says the proxy is fine and the app failed; both logs together say how.',
    message: internal(
      'upstream prematurely closed connection',
      nginxErrorLog(
        ctx,
        forwarded,
        'upstream prematurely closed connection while reading response header from upstream',
      ),
    ),
  });
  return nginxError(502, 'Bad Gateway', b.now(), 'keep-alive', headerValue(forwarded.headers, 'User-Agent'));
}
