import type { NodeState, SimNode } from '../model/nodes.ts';
import type { BalancerSpec } from '../model/scenario.ts';
import { ADDRESS } from '../world/world.ts';
import { appServerState, inFlightLine } from './appServerState.ts';
import type { Part } from './Part.ts';

/**
 * HAProxy 2.6 in front of N replicas of the app. Open-source HAProxy checks its servers actively
 * (`option httpchk` with `http-check send meth GET uri /healthz`, `inter 2s fall 3 rise 2`: its defaults
 * for fall and rise); open-source nginx only notices failures passively, on real requests
 * (`max_fails`/`fail_timeout`; its active `health_check` is NGINX Plus only), so the balancer here is HAProxy.
 */
export const HAPROXY = {
  version: '2.6',
  interMs: 2000,
  fall: 3,
  rise: 2,
  backend: 'app',
  /** `timeout server 50000`, as Debian's /etc/haproxy/haproxy.cfg ships it. */
  timeoutServerMs: 50_000,
} as const;

/** The replicas' node ids: app-1 … app-N. */
export const replicaIds = (spec: BalancerSpec): string[] =>
  Array.from({ length: spec.replicas }, (_, i) => `app-${i + 1}`);

/** app-3's private address: 10.0.0.23. */
export const replicaAddress = (id: string): string => {
  const n = Number(id.slice('app-'.length));
  const base = ADDRESS.app.split('.');
  return [...base.slice(0, 3), String(Number(base[3]) + n - 1)].join('.');
};

/** The replica's number (1-based) from its id. */
export const replicaNumber = (id: string): number => Number(id.slice('app-'.length));

/** How the balancer lists one of its servers: "UP · 2 in flight". */
export const serverLine = (health: string, inFlight: number): string => `${health} · ${inFlight} in flight`;

const GOING_DOWN = `UP, going down: ${HAPROXY.fall - 1} of ${HAPROXY.fall} checks failed`;

/** The load balancer and its replicas, each linked to it. */
export const loadBalancer: Part = {
  present: (scenario) => scenario.topology.balancer !== undefined,
  place: ({ scenario, stack, profile, https, link }) => {
    const spec = scenario.topology.balancer;
    if (!spec) return { nodes: [], links: [], initialState: {} };
    const ids = replicaIds(spec);
    const refused = scenario.faults.appDown;
    const failing = new Set(refused ? ids.map(replicaNumber) : spec.failing);
    const inFlight = (id: string) => spec.inFlight[replicaNumber(id) - 1] ?? 0;
    const nodes: SimNode[] = [
      {
        id: 'proxy',
        kind: 'load-balancer',
        name: 'Load balancer',
        role: `HAProxy ${HAPROXY.version} load balancer · ${ADDRESS.proxy}`,
        address: ADDRESS.proxy,
      },
      ...ids.map((id): SimNode => ({
        id,
        kind: 'app-server',
        name: id,
        role: `${profile.framework} replica · ${replicaAddress(id)}:${profile.port}`,
        address: replicaAddress(id),
        badges: ['health', 'in flight'],
      })),
    ];
    const servers: Record<string, string> = {};
    for (const id of ids)
      servers[`server ${id}`] = serverLine(failing.has(replicaNumber(id)) ? GOING_DOWN : 'UP', inFlight(id));
    const replicaState = (id: string): NodeState => ({
      ...(refused ? { process: `DOWN (nothing listens on :${profile.port})` } : {}),
      health: refused
        ? 'failing: connection refused'
        : failing.has(replicaNumber(id))
          ? 'failing: GET /healthz answers 503 (disk full); still UP until its third failure'
          : 'UP: GET /healthz answers 200',
      'in flight': inFlightLine(inFlight(id)),
      ...appServerState(profile, stack.db),
    });
    return {
      nodes,
      links: ids.map((id) => link('proxy', id, 'proxy-app')),
      initialState: {
        proxy: {
          listening: https ? ':443 (TLS), :80' : ':80, :443 (TLS)',
          [`backend ${HAPROXY.backend}`]: `${spec.algorithm} over ${ids.length} servers; GET /healthz every ${HAPROXY.interMs / 1000} s, fall ${HAPROXY.fall}, rise ${HAPROXY.rise}`,
          ...servers,
        },
        ...Object.fromEntries(ids.map((id) => [id, replicaState(id)])),
      },
    };
  },
};
