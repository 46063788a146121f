import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { headerValue } from '../protocols/http.ts';
import { ingressError } from '../protocols/ingressNginx.ts';
import { nginxError } from '../protocols/nginxError.ts';
import { COST_MS } from '../world/world.ts';
import { CLUSTER, upstreamName } from './cluster.ts';

/** The controller's log line when a Service has no ready endpoint (internal/ingress/controller/controller.go). */
const NO_ENDPOINT = `Service "${CLUSTER.namespace}/${CLUSTER.app.name}" does not have any active Endpoint.`;

/**
 * No pod of the Service is ready: the EndpointSlice lists none as ready, the controller's Lua balancer keeps no
 * balancer for the upstream, and its rewrite phase answers 503 at once (balancer.lua `rewrite()`), before
 * anything is sent to a pod.
 */
export function ingressNoPod(
  ctx: EngineContext,
  request: HttpRequest,
  notReady: readonly string[],
): HttpResponse {
  const { b, url } = ctx;
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'ingress-no-endpoint',
    phase: 'response',
    title: 'No ready pod: 503',
    narration: `ingress-nginx matches the Ingress rule for ${url.host} and /api: the backend is the Service ${CLUSTER.app.name}. But none of its pods is ready (${notReady.join(', ')} fail their readiness probe), so its EndpointSlice lists no ready endpoint and the controller's Lua balancer has nobody to send to. It answers 503 Service Temporarily Unavailable itself, at once: no request reaches a pod.`,
    why: 'Robustness: a pod that is not ready gets no traffic; when none is, the client hears so at once instead of waiting.',
    message: internal(
      '503: no endpoint',
      [
        `controller: W ${NO_ENDPOINT}`,
        `balancer.lua rewrite: no balancer for upstream ${upstreamName()} → ngx.exit(503)`,
      ].join('\n'),
    ),
  });
  return ingressError(
    nginxError(
      503,
      'Service Temporarily Unavailable',
      b.now(),
      'keep-alive',
      headerValue(request.headers, 'User-Agent'),
    ),
    url.https,
  );
}
