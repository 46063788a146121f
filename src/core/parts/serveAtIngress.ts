import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import { runApp } from '../app/runApp.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { httpDate } from '../protocols/httpDate.ts';
import { httpMessage } from '../protocols/httpMessage.ts';
import { statusText } from '../protocols/http.ts';
import { accessLogLine, ingressForward, ingressRelay } from '../protocols/ingressNginx.ts';
import { ADDRESS, COST_MS } from '../world/world.ts';
import { CLUSTER, IMAGES, podEndpoint, podIds, podName, upstreamName } from './cluster.ts';
import { imageOf, podSpec } from './kubernetes.ts';
import { inFlightLine } from './appServerState.ts';
import { ingressGivesUp } from './ingressGivesUp.ts';
import { ingressNoPod } from './ingressNoPod.ts';
import { VERSION_HEADER, withVersionHeader } from './versionHeader.ts';

/** The ready pod ingress-nginx's round robin gives the `count`-th request (0-based), starting at `spec.next`. */
export function pickPod(
  ids: readonly string[],
  ready: readonly number[],
  next: number,
  count: number,
): string | null {
  const order = ids.map((_, i) => ((next - 1 + i) % ids.length) + 1).filter((n) => ready.includes(n));
  const n = order[count % Math.max(1, order.length)];
  return n === undefined ? null : `pod-${n}`;
}

/**
 * ingress-nginx's side of the request: match the Ingress rule, pick a ready pod from the Service's
 * EndpointSlice (ingress-nginx sends to pod IPs itself, not to the Service's cluster IP), forward with its
 * headers, relay the pod's answer and write its access-log line.
 */
export function serveAtIngress(ctx: EngineContext, request: HttpRequest): HttpResponse {
  const { b, url } = ctx;
  const spec = ctx.scenario.topology.kubernetes;
  if (!spec) throw new Error('serveAtIngress needs a cluster');
  const arrived = b.now();
  const ids = podIds(spec);
  const pod = pickPod(ids, ctx.inRotation, spec.next, ctx.served.count);
  ctx.served.count += 1;
  if (!pod) return ingressNoPod(ctx, request, ids);
  const image = podSpec(spec, pod)?.image ?? '1.4.2';
  const notReady = ids.filter((_, i) => !ctx.inRotation.includes(i + 1));
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'ingress-route',
    phase: 'server',
    title: `Ingress: ${url.path} → ${pod}`,
    narration: `ingress-nginx ${url.https ? 'decrypts the request (TLS ends here), ' : ''}matches the Ingress rule for ${url.host} and /api: the backend is the Service ${CLUSTER.app.name}, port ${CLUSTER.app.port}. It does not send to the Service's cluster IP: the controller watches the Service's EndpointSlice and its own balancer picks a ready pod by round robin, here ${podName(spec, pod)} running ${imageOf({ image, ready: true, restarts: 0 })}.${notReady.length ? ` ${notReady.join(' and ')} ${notReady.length > 1 ? 'are' : 'is'} not ready, so ${notReady.length > 1 ? 'they get' : 'it gets'} nothing.` : ''}`,
    why: 'Scalability: the Service is a stable name in front of pods that come and go; only pods that pass their readiness probe get traffic.',
    message: internal(
      `round_robin → ${podEndpoint(pod)}`,
      [
        `EndpointSlice ${CLUSTER.app.name}-7xq2m (Service ${CLUSTER.app.name}, port ${CLUSTER.app.portName} ${CLUSTER.app.targetPort}/TCP):`,
        ...ids.map(
          (id, i) =>
            `  ${podEndpoint(id).padEnd(18)} ready: ${String(ctx.inRotation.includes(i + 1)).padEnd(5)}  pod ${podName(spec, id)}`,
        ),
        `upstream ${upstreamName()}: round_robin → ${podEndpoint(pod)}`,
      ].join('\n'),
    ),
  });
  // Behind a CDN the connection comes from the edge, and its X-Forwarded-For names the browser.
  const client = ctx.edge === 'cdn' ? ADDRESS.cdn : ADDRESS.browser;
  const forwarded = ingressForward(request, client, url.https, ctx.rng.hex(16));
  const forwardedAt = b.now();
  b.hop('proxy', pod, 'request', {
    id: 'proxy-forward',
    phase: 'server',
    title: `Forward ${forwarded.method} ${forwarded.target} to ${pod}`,
    narration: `ingress-nginx forwards the request over the cluster's pod network to ${podEndpoint(pod)}, adding X-Request-ID (to follow it through the logs), X-Real-IP and X-Forwarded-For: ${client} (${ctx.edge === 'cdn' ? 'the CDN edge, which connected; the edge’s own X-Forwarded-For goes on as X-Original-Forwarded-For, naming the browser' : 'who asked'}), and X-Forwarded-Host, -Port and -Proto (what they asked for).`,
    message: httpMessage(forwarded),
    changes: [{ node: pod, key: 'in flight', value: inFlightLine(1) }],
  });
  const answered = runApp({ ...ctx, app: pod }, forwarded);
  if (!answered || answered === 'closed')
    return ingressGivesUp(ctx, forwarded, pod, answered ? 'closed' : 'timeout', forwardedAt);
  const commit = IMAGES[image].commit;
  const response = withVersionHeader(answered, ctx.stack.lang, commit);
  b.hop(pod, 'proxy', 'response', {
    id: `app-response-${response.status}`,
    phase: 'response',
    title: `${statusText(response)} from ${image}`,
    narration: `${pod} answers ${statusText(response)}. Its ${VERSION_HEADER}: ${commit} says which build answered: the image ${imageOf({ image, ready: true, restarts: 0 })}, built by the Dockerfile from git commit ${commit}, which a middleware reads from the GIT_COMMIT variable baked into the image.`,
    message: httpMessage(response),
    changes: [{ node: pod, key: 'in flight', value: inFlightLine(0) }],
  });
  const upstreamSeconds = (b.now() - forwardedAt) / 1000;
  const relayed = ingressRelay(response, httpDate(b.now()), url.https);
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'ingress-access-log',
    phase: 'response',
    title: 'Access log line',
    narration: `ingress-nginx passes the answer on (no Server header: the controller clears it${url.https ? '; it adds Strict-Transport-Security' : ''}) and writes its access-log line: the Service's upstream name, the pod's address, how long the pod took and the request id the pod also received.`,
    message: internal(
      `[${upstreamName()}] ${podEndpoint(pod)}`,
      accessLogLine({
        client,
        request,
        response: relayed,
        atMs: b.now(),
        requestSeconds: (b.now() - arrived) / 1000,
        upstreamName: upstreamName(),
        upstreamAddr: podEndpoint(pod),
        upstreamSeconds,
        upstream: response,
        requestId: forwarded.headers.find(([n]) => n === 'X-Request-ID')?.[1] ?? '-',
      }),
    ),
  });
  return relayed;
}
