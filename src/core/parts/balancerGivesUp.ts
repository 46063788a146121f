import type { HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { haproxyError } from '../protocols/haproxy.ts';
import { COST_MS } from '../world/world.ts';
import { HAPROXY, replicaAddress, serverLine } from './loadBalancer.ts';

/**
 * HAProxy answers the browser itself when the replica it picked does not: after `timeout server` with its
 * 504 (termination state sH), or at once with its 502 when the replica closed the connection before any
 * response header (SH). Termination states as HAProxy's configuration manual, section 8.5, defines them;
 * the pages are HAProxy 2.6's own (tests/truth/haproxyErrors.test.ts).
 */
export function balancerGivesUp(
  ctx: EngineContext,
  app: string,
  how: 'timeout' | 'closed',
  sentAt: number,
  inFlight: number,
): HttpResponse {
  const { b } = ctx;
  const upstream = `${HAPROXY.backend}/${app} ${replicaAddress(app)}:${ctx.profile.port}`;
  const changes = [
    { node: app, key: 'in flight', value: `${inFlight} requests` },
    { node: 'proxy', key: `server ${app}`, value: serverLine('UP', inFlight) },
  ];
  if (how === 'timeout') {
    b.wait(sentAt + HAPROXY.timeoutServerMs - b.now());
    b.local('proxy', COST_MS.proxyRoute, {
      id: 'balancer-timeout',
      phase: 'response',
      title: 'timeout server: 504',
      narration: `HAProxy has waited ${HAPROXY.timeoutServerMs / 1000} seconds (its timeout server) for ${app} without a byte of response. It gives up and answers the browser itself with its built-in 504 page. ${app}'s health check still passes: it only asks whether the process answers, not whether the database does.`,
      why: 'Robustness: a timeout turns a hang into a clear error; a health check that tested the database too would have shown the replica as failing.',
      message: internal(
        'sH 504',
        `${upstream}: no response header within timeout server ${HAPROXY.timeoutServerMs / 1000}s, termination state sH, status 504`,
      ),
      changes,
    });
    return haproxyError(504);
  }
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'balancer-bad-gateway',
    phase: 'response',
    title: 'Closed without a response: 502',
    narration: `${app} closed the connection before sending any response header. HAProxy has nothing to relay, so it answers the browser itself with its built-in 502 page.`,
    why: 'Operations: a 502 from the balancer says the replica broke mid-request; its own log says which one and how.',
    message: internal(
      'SH 502',
      `${upstream}: server aborted before sending its response headers, termination state SH, status 502`,
    ),
    changes,
  });
  return haproxyError(502);
}
