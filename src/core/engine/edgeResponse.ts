import type { HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';

/**
 * The last stage of a response's way out (ARCHITECTURE.md, "How a response is written"): what the edge the
 * browser is connected to changes before sending it. The proxy, serving HTTPS, adds Strict-Transport-Security
 * (nginx's `add_header … always` in the TLS server block, checked in tests/truth/nginx.test.ts); the CDN drops
 * Connection, which is hop-by-hop, since its own connection to the browser stays open.
 */
export function edgeResponse(ctx: EngineContext, response: HttpResponse): HttpResponse {
  switch (ctx.edge) {
    case 'proxy':
      // HAProxy in front of replicas adds its own, in its own case (protocols/haproxy.ts: haproxyRelay), and
      // ingress-nginx its own value (protocols/ingressNginx.ts: ingressRelay).
      return ctx.url.https && !ctx.scenario.topology.balancer && !ctx.scenario.topology.kubernetes
        ? { ...response, headers: [...response.headers, ['Strict-Transport-Security', 'max-age=63072000']] }
        : response;
    case 'cdn':
      return { ...response, headers: response.headers.filter(([n]) => n !== 'Connection') };
  }
}
