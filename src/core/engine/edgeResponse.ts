import type { HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { headerValue } from '../protocols/http.ts';
import { API_CORS } from '../world/world.ts';

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
      // ingress-nginx its own value (protocols/ingressNginx.ts: ingressRelay). nginx's static location writes
      // HSTS itself, in its place among the headers (engine/nginxStatic.ts).
      return ctx.url.https &&
        !ctx.scenario.topology.balancer &&
        !ctx.scenario.topology.kubernetes &&
        !headerValue(response.headers, 'Strict-Transport-Security')
        ? {
            ...response,
            headers: [
              ...response.headers,
              // The API's server block (cors-preflight) lets its pages' origin read every answer.
              ...(ctx.scenario.request.pageOrigin
                ? [['Access-Control-Allow-Origin', API_CORS.origin] as const]
                : []),
              ['Strict-Transport-Security', 'max-age=63072000'],
            ],
          }
        : response;
    case 'cdn':
      // Over HTTPS the edge then frames it as HTTP/2 for the browser (engine/edgeH2.ts: HEADERS with nginx's
      // HPACK, DATA), where Connection has no place anyway; over plain HTTP it goes as it is, without Connection.
      return { ...response, headers: response.headers.filter(([n]) => n !== 'Connection') };
  }
}
