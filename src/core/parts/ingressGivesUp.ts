import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { nginxError } from '../protocols/nginxError.ts';
import { headerValue } from '../protocols/http.ts';
import { ingressError } from '../protocols/ingressNginx.ts';
import { logTime } from '../protocols/logTime.ts';
import { COST_MS } from '../world/world.ts';
import { CLUSTER, podEndpoint } from './cluster.ts';

/** nginx's error-log line about the pod (nginx 1.22's format, as `engine/nginxErrorLog` writes the proxy's). */
function errorLog(ctx: EngineContext, forwarded: HttpRequest, pod: string, failure: string): string {
  const pid = 1000 + (ctx.scenario.seed % 9000);
  const client = headerValue(forwarded.headers, 'X-Real-IP') ?? '-';
  const { host } = ctx.url;
  return `${logTime(ctx.b.now())} [error] ${pid}#${pid}: *1 ${failure}, client: ${client}, server: ${host}, request: "${forwarded.method} ${forwarded.target} HTTP/1.1", upstream: "http://${podEndpoint(pod)}${forwarded.target}", host: "${host}"`;
}

/** Why no other pod is tried: the Ingress's annotation, in words. */
const NO_RETRY = `The Ingress sets proxy-next-upstream-tries "1": with the default (3, on "error timeout") ingress-nginx would send a GET on to the next pod, which would fail the same way.`;

/**
 * The pod never answers (its database is unreachable): after proxy-read-timeout without a byte, ingress-nginx
 * logs nginx's "upstream timed out" and answers 504 itself; the pod is still waiting on its query. Or the pod
 * closes the connection without an answer (Go's net/http after a panic): "upstream prematurely closed
 * connection" and 502.
 */
export function ingressGivesUp(
  ctx: EngineContext,
  forwarded: HttpRequest,
  pod: string,
  how: 'timeout' | 'closed',
  sentAt: number,
): HttpResponse {
  const { b, url } = ctx;
  const ua = headerValue(forwarded.headers, 'User-Agent');
  if (how === 'timeout') {
    b.wait(sentAt + CLUSTER.proxyReadTimeoutS * 1000 - b.now());
    b.local('proxy', COST_MS.proxyRoute, {
      id: 'ingress-timeout',
      phase: 'response',
      title: 'proxy-read-timeout: 504',
      narration: `ingress-nginx has waited ${CLUSTER.proxyReadTimeoutS} seconds for ${pod} without a byte of answer: the Ingress's proxy-read-timeout annotation (the controller's default is 60 s). It answers the browser itself with nginx's 504 page. ${NO_RETRY} ${pod} is still waiting on its database; its liveness probe does not ask the database, so the kubelet does not restart it.`,
      why: 'Robustness: a timeout at the edge turns a hang into a clear error; the pod’s readiness probe, which needs the database, takes it out of the Service at its next failures.',
      message: internal(
        'upstream timed out',
        errorLog(
          ctx,
          forwarded,
          pod,
          'upstream timed out (110: Connection timed out) while reading response header from upstream',
        ),
      ),
    });
    return ingressError(nginxError(504, 'Gateway Timeout', b.now(), 'keep-alive', ua), url.https);
  }
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'ingress-bad-gateway',
    phase: 'response',
    title: 'Pod closed: 502',
    narration: `${pod} closed the connection before any response header, so ingress-nginx answers the browser itself: 502 Bad Gateway, nginx's own page. ${NO_RETRY}`,
    why: 'Operations: a 502 says the ingress is fine and the pod failed; the pod’s log says how.',
    message: internal(
      'upstream prematurely closed connection',
      errorLog(
        ctx,
        forwarded,
        pod,
        'upstream prematurely closed connection while reading response header from upstream',
      ),
    ),
  });
  return ingressError(nginxError(502, 'Bad Gateway', b.now(), 'keep-alive', ua), url.https);
}
