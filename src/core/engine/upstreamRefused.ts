import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { headerValue } from '../protocols/http.ts';
import { segment, tcpMessage } from '../protocols/tcpSegment.ts';
import { ADDRESS, COST_MS } from '../world/world.ts';
import { nginxError } from '../protocols/nginxError.ts';
import { nginxErrorLog } from './nginxErrorLog.ts';

/**
 * The app process is down and its port closed: the proxy's upstream connections died with it, so nginx
 * connects again, the app machine's kernel answers the SYN with a RST at once, and nginx writes its own
 * 502 and one error-log line. Checked against nginx 1.22.1 with nothing listening on the upstream port
 * (tests/truth/nginxBadGateway.test.ts): the page, the head and the log line are its own.
 */
export function upstreamRefused(ctx: EngineContext, forwarded: HttpRequest): HttpResponse {
  const { b, rng } = ctx;
  const port = ctx.profile.port;
  const upstream = `${ADDRESS.app}:${port}`;
  const from = [ADDRESS.proxy, rng.int(32768, 60999)] as const;
  const isn = rng.int(0, 2 ** 32 - 1);
  b.hop('proxy', ctx.app, 'request', {
    id: 'upstream-syn',
    phase: 'server',
    title: 'SYN to the app server',
    narration: `The proxy has no open connection to app-1 (they closed when its process died), so it opens one: a SYN to ${upstream}.`,
    message: tcpMessage(segment(from, [ADDRESS.app, port], ['SYN'], isn, null)),
    changes: [{ node: 'proxy', key: 'upstream', value: `connecting to app-1 ${upstream}` }],
  });
  b.hop(ctx.app, 'proxy', 'response', {
    id: 'upstream-rst',
    phase: 'server',
    title: 'RST: connection refused',
    narration: `The machine is up but nothing listens on port ${port}: its kernel answers the SYN at once with a reset (RST). No waiting, no retries: the refusal takes one round trip.`,
    why: 'Robustness: a refused connection fails fast, unlike a dead machine, whose silence the proxy can only wait out.',
    message: tcpMessage(segment([ADDRESS.app, port], from, ['RST', 'ACK'], 0, (isn + 1) % 2 ** 32, 0)),
  });
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'proxy-bad-gateway',
    phase: 'response',
    title: 'connect() refused: 502',
    narration:
      'nginx writes the failure to its error log and, with no other app server to try, answers the browser itself: 502 Bad Gateway, its own small HTML page (padded with comments, so Chrome shows it rather than its own error page). The log line is where a developer looks first.',
    why: 'Operations: the 502 says the proxy is fine but what is behind it is not; the error log says why.',
    message: internal(
      'connect() failed (111: Connection refused)',
      nginxErrorLog(
        ctx,
        forwarded,
        'connect() failed (111: Connection refused) while connecting to upstream',
      ),
    ),
    changes: [{ node: 'proxy', key: 'upstream', value: `app-1 ${upstream} refused (111)` }],
  });
  return nginxError(502, 'Bad Gateway', b.now(), 'keep-alive', headerValue(forwarded.headers, 'User-Agent'));
}
