import type { HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { httpMessage } from '../protocols/httpMessage.ts';
import { httpResponse } from '../protocols/http.ts';
import { httpDate } from '../protocols/httpDate.ts';
import { haproxyHealthCheck } from '../protocols/haproxy.ts';
import { segment, tcpMessage } from '../protocols/tcpSegment.ts';
import { ADDRESS, COST_MS } from '../world/world.ts';
import { HAPROXY, replicaAddress, replicaIds, replicaNumber, serverLine } from './loadBalancer.ts';

/**
 * A replica's health endpoint: 200 when it can serve, 503 when its own check fails (its disk is full). A
 * minimal handler's answer: its framework's own extra headers (X-Powered-By and the like) are not shown.
 */
function healthAnswer(ctx: EngineContext, healthy: boolean): HttpResponse {
  const body = healthy ? '{"status":"ok"}' : '{"status":"fail","disk":"100% used"}';
  return httpResponse(
    healthy ? 200 : 503,
    [
      ['Content-Type', 'application/json'],
      ['Date', httpDate(ctx.b.now())],
      ['Connection', 'close'],
    ],
    body,
  );
}

/**
 * One round of HAProxy's active health checks, before the user's request: GET /healthz to every
 * replica at once, each answering; a replica failing its third check in a row (`fall 3`) is marked DOWN
 * and leaves the rotation. When the app's process is down on every replica (`faults.appDown`), each check's
 * SYN is refused by a RST: HAProxy's "Layer4 connection problem" (its log lines as HAProxy 2.6.12 writes
 * them). Returns the replicas still in rotation (1-based).
 */
export function healthChecks(ctx: EngineContext): readonly number[] {
  const spec = ctx.scenario.topology.balancer;
  if (!spec) return [];
  const { b } = ctx;
  const ids = replicaIds(spec);
  const refused = ctx.scenario.faults.appDown;
  const failing = new Set(refused ? ids.map(replicaNumber) : spec.failing);
  const check = haproxyHealthCheck(ctx.url.host);
  const port = ctx.profile.port;
  const sockets = ids.map((id) => ({
    from: [ADDRESS.proxy, ctx.rng.int(32768, 60999)] as const,
    to: [replicaAddress(id), port] as const,
    isn: refused ? ctx.rng.int(0, 2 ** 32 - 1) : 0,
  }));
  const sentAt = b.now();
  for (const [i, id] of ids.entries()) {
    const socket = sockets[i] ?? {
      from: [ADDRESS.proxy, 0] as const,
      to: [replicaAddress(id), port] as const,
      isn: 0,
    };
    b.hop(
      'proxy',
      id,
      'request',
      {
        id: 'health-check',
        phase: 'server',
        title: `Health check ${id}`,
        narration:
          i === 0
            ? `Before the user's request, and every ${HAPROXY.interMs / 1000} seconds all day, the load balancer checks each replica: it asks GET /healthz on a fresh connection and expects a 2xx or 3xx answer within its timeout.`
            : `The same check goes to ${id} at the same moment.`,
        ...(i === 0
          ? {
              why: 'Robustness: a balancer that checks its servers stops sending users to one that is broken, before a user finds out.',
            }
          : {}),
        message: refused
          ? tcpMessage(segment(socket.from, socket.to, ['SYN'], socket.isn, null))
          : httpMessage(check),
      },
      { startMs: sentAt },
    );
  }
  const checkedAt = b.now();
  for (const [i, id] of ids.entries()) {
    const healthy = !failing.has(replicaNumber(id));
    const answer = healthAnswer(ctx, healthy);
    const socket = sockets[i];
    if (refused && socket) {
      b.hop(
        id,
        'proxy',
        'response',
        {
          id: 'health-answer',
          phase: 'server',
          title: `${id}: RST, connection refused`,
          narration: `${id}'s machine is up but its app process is not: nothing listens on port ${port}, so its kernel answers the check's SYN with a reset at once. The check never gets as far as HTTP.`,
          message: tcpMessage(
            segment(socket.to, socket.from, ['RST', 'ACK'], 0, (socket.isn + 1) % 2 ** 32, 0),
          ),
        },
        { startMs: checkedAt },
      );
      continue;
    }
    b.hop(
      id,
      'proxy',
      'response',
      {
        id: 'health-answer',
        phase: 'server',
        title: `${id}: ${answer.status} ${answer.reason}`,
        narration: healthy
          ? `${id} answers 200: it can serve.`
          : `${id} answers 503: its health handler finds its disk full, so it says it cannot serve. This is its third failed check in a row.`,
        message: httpMessage(answer),
      },
      { startMs: checkedAt },
    );
  }
  const down = ids.filter((id) => failing.has(replicaNumber(id)));
  const up = ids.filter((id) => !failing.has(replicaNumber(id)));
  const inFlight = (id: string) => spec.inFlight[replicaNumber(id) - 1] ?? 0;
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'health-verdict',
    phase: 'server',
    title: down.length ? `${down.join(', ')} out of rotation` : 'Every replica is healthy',
    narration: down.length
      ? `${down.join(' and ')} failed ${HAPROXY.fall} checks in a row (fall ${HAPROXY.fall}), so HAProxy marks ${down.length > 1 ? 'them' : 'it'} DOWN and logs it. No request goes there until ${HAPROXY.rise} checks in a row pass again (rise ${HAPROXY.rise}). ${up.length ? `${up.length} of ${ids.length} replicas stay in rotation.` : 'No replica is left.'}`
      : `All ${ids.length} replicas passed: all stay in rotation.`,
    message: internal(
      down.length ? `${down.join(', ')} DOWN` : 'all UP',
      down.length
        ? down
            .map(
              (id, k) =>
                `Server ${HAPROXY.backend}/${id} is DOWN, reason: ${refused ? 'Layer4 connection problem, info: "Connection refused"' : 'Layer7 wrong status, code: 503, info: "Service Unavailable"'}, check duration: ${(checkedAt - sentAt).toFixed(0)}ms. ${up.length + down.length - k - 1} active and 0 backup servers left. ${inFlight(id)} sessions active, 0 requeued, 0 remaining in queue.`,
            )
            .join('\n') + (up.length ? '' : `\nbackend ${HAPROXY.backend} has no server available!`)
        : ids.map((id) => `${id}: L7OK/200`).join('\n'),
    ),
    changes: [
      ...down.map((id) => ({
        node: 'proxy',
        key: `server ${id}`,
        value: serverLine(
          refused ? 'DOWN (Layer4 connection refused)' : 'DOWN (Layer7 wrong status, code: 503)',
          inFlight(id),
        ),
      })),
      ...down.map((id) => ({
        node: id,
        key: 'health',
        value: 'DOWN: out of rotation after 3 failed checks',
      })),
    ],
  });
  return up.map(replicaNumber);
}
