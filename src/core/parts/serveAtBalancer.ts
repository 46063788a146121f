import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import { runApp } from '../app/runApp.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { httpMessage } from '../protocols/httpMessage.ts';
import { haproxyError, haproxyForward, haproxyRelay } from '../protocols/haproxy.ts';
import { balancerGivesUp } from './balancerGivesUp.ts';
import { ADDRESS, COST_MS } from '../world/world.ts';
import { HAPROXY, replicaAddress, serverLine } from './loadBalancer.ts';
import { pickReplica } from './pickReplica.ts';
import { inFlightLine } from './appServerState.ts';

/**
 * The load balancer's side of the request: pick a replica in rotation, forward, relay its answer; or
 * HAProxy's own 503 when no replica is up, its 504 when the replica never answers, its 502 when the
 * replica closes the connection without a response. Its client is the browser, or the CDN edge in front.
 */
export function serveAtBalancer(
  ctx: EngineContext,
  request: HttpRequest,
  inRotation: readonly number[],
): HttpResponse {
  const { b, url } = ctx;
  const spec = ctx.scenario.topology.balancer;
  if (!spec) throw new Error('serveAtBalancer needs a balancer');
  const chosen = pickReplica(spec, inRotation);
  const load = (n: number) => spec.inFlight[n - 1] ?? 0;
  const skipped = spec.algorithm === 'roundrobin' && chosen !== null && chosen !== spec.next;
  if (chosen === null) {
    b.local('proxy', COST_MS.proxyRoute, {
      id: 'balancer-no-server',
      phase: 'response',
      title: 'No server available',
      narration: `Every replica is DOWN, so the balancer has nowhere to send the request. HAProxy answers the browser itself with its built-in 503 page.`,
      why: 'Robustness: a clear 503 at once is better than a user waiting for a server that will not answer.',
      message: internal('<NOSRV> 503', `backend ${HAPROXY.backend} has no server available!`),
    });
    return haproxyError(503);
  }
  const app = `app-${chosen}`;
  const why = `Scalability: ${spec.replicas} replicas share the load, and one that fails leaves the others serving.`;
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'balancer-pick',
    phase: 'server',
    title: `Pick ${app}`,
    narration: `The load balancer ${url.https ? 'decrypts the request (TLS ends here) and ' : ''}picks a replica by ${spec.algorithm === 'roundrobin' ? `round robin: ${skipped ? `app-${spec.next} would be next in turn, but it is DOWN and out of rotation, so it goes to ${app}` : `${app} is next in turn`}` : `least connections: ${app} has the fewest requests in flight (${load(chosen)})`}.`,
    why,
    message: internal(
      `${spec.algorithm} → ${app}`,
      `${request.method} ${request.target} → backend ${HAPROXY.backend}, server ${app} ${replicaAddress(app)}:${ctx.profile.port}`,
    ),
    changes: [{ node: 'proxy', key: `server ${app}`, value: serverLine('UP', load(chosen) + 1) }],
  });
  const client = ctx.edge === 'cdn' ? ADDRESS.cdn : ADDRESS.browser;
  const forwarded = haproxyForward(request, client, url.https);
  b.hop('proxy', app, 'request', {
    id: 'proxy-forward',
    phase: 'server',
    title: `Forward ${forwarded.method} ${forwarded.target} to ${app}`,
    narration: `HAProxy forwards the request over the private network with the header names in lower case (HTTP/1.1 says case does not matter), adding x-forwarded-proto and x-forwarded-for: ${client} so the app still knows who ${ctx.edge === 'cdn' ? 'passed it on (the CDN edge; its own x-forwarded-for line names the browser)' : 'asked'}.`,
    message: httpMessage(forwarded),
    changes: [{ node: app, key: 'in flight', value: inFlightLine(load(chosen) + 1) }],
  });
  const sentAt = b.now();
  const response = runApp({ ...ctx, app }, forwarded);
  if (response === null || response === 'closed')
    return balancerGivesUp(ctx, app, response === null ? 'timeout' : 'closed', sentAt, load(chosen));
  const relayed = haproxyRelay(response, url.https);
  b.hop(app, 'proxy', 'response', {
    id: `app-response-${response.status}`,
    phase: 'response',
    title: `${response.status} ${response.reason} from ${app}`,
    narration: `${app} sends ${response.status} ${response.reason} back to the balancer. HAProxy passes it on as it is, apart from the header names' case and the hop-by-hop Connection header${url.https ? ', adding Strict-Transport-Security' : ''}.`,
    message: httpMessage(response),
    changes: [
      { node: app, key: 'in flight', value: inFlightLine(load(chosen)) },
      { node: 'proxy', key: `server ${app}`, value: serverLine('UP', load(chosen)) },
    ],
  });
  return relayed;
}
