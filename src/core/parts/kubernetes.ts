import type { NodeState, SimNode } from '../model/nodes.ts';
import type { KubernetesSpec, PodSpec } from '../model/scenario.ts';
import { INGRESS_NGINX } from '../protocols/ingressNginx.ts';
import { ADDRESS } from '../world/world.ts';
import { appServerState, inFlightLine } from './appServerState.ts';
import {
  CLUSTER,
  IMAGES,
  RESOLV_CONF,
  dbService,
  podEndpoint,
  podIds,
  podIp,
  podName,
  podNumber,
} from './cluster.ts';
import type { Part } from './Part.ts';

/** The pod's spec behind a node id. */
export const podSpec = (spec: KubernetesSpec, id: string): PodSpec | undefined =>
  spec.pods[podNumber(id) - 1];

/** The pods in the Service's EndpointSlice with `ready: true`: the only ones anything sends requests to. */
export const readyPods = (spec: KubernetesSpec): string[] =>
  podIds(spec).filter((id) => podSpec(spec, id)?.ready === true);

/** A pod's image line: "shop-api:1.4.2". */
export const imageOf = (pod: PodSpec): string => `${CLUSTER.app.name}:${pod.image}`;

/** What the card and the state say about readiness. */
export const readyLine = (ready: boolean): string =>
  ready
    ? `Ready: GET ${CLUSTER.probes.readiness} passes (every ${CLUSTER.probes.readinessPeriodS} s)`
    : `Not ready: starting, GET ${CLUSTER.probes.readiness} not passed yet`;

/** The EndpointSlice of the Service shop-api, one line per pod: "10.244.1.17:8080 ready". */
export const endpointsLine = (spec: KubernetesSpec, ready: ReadonlySet<string>): string =>
  podIds(spec)
    .map((id) => `${podEndpoint(id)} ${ready.has(id) ? 'ready' : 'not ready'}`)
    .join(' · ');

/**
 * The app as a Kubernetes Deployment: ingress-nginx at the public address (the node id `proxy`, so the browser's
 * connection and TLS end there as at any proxy), the Deployment's pods, and CoreDNS for the pods that look a
 * name up. The Services are not machines: a Service is a name, a cluster IP and kube-proxy's rules in each
 * node's kernel, shown in the state of those who use it.
 */
export const kubernetes: Part = {
  present: (scenario) => scenario.topology.kubernetes !== undefined,
  place: ({ scenario, stack, profile, https, link }) => {
    const spec = scenario.topology.kubernetes;
    if (!spec) return { nodes: [], links: [], initialState: {} };
    const ids = podIds(spec);
    // The pod that starts during the journey becomes ready in it.
    const ready = new Set(readyPods(spec));
    const looksUp = spec.podStarting ? ['pod-1'] : [];
    const nodes: SimNode[] = [
      {
        id: 'proxy',
        kind: 'ingress-controller',
        name: 'Ingress controller',
        role: `ingress-nginx ${INGRESS_NGINX.version} · ${ADDRESS.proxy}`,
        address: ADDRESS.proxy,
        badges: ['endpoints'],
      },
      ...ids.map((id): SimNode => {
        const pod = podSpec(spec, id);
        return {
          id,
          kind: 'pod',
          name: `pod ${podName(spec, id).slice(-5)}`,
          // A pod's image never changes (a rollout makes new pods), so it is part of who the pod is.
          role: `${pod ? imageOf(pod) : CLUSTER.app.name} · ${podIp(id)}:${CLUSTER.app.targetPort}`,
          address: podIp(id),
          badges: ['ready', 'in flight'],
        };
      }),
      ...(looksUp.length
        ? [
            {
              id: 'coredns',
              kind: 'cluster-dns',
              name: 'CoreDNS',
              role: `CoreDNS ${CLUSTER.corednsVersion} · Service kube-dns ${CLUSTER.dnsServiceIp}`,
              address: CLUSTER.corednsPodIp,
            } satisfies SimNode,
          ]
        : []),
    ];
    const db = dbService(stack.db);
    const podState = (id: string): NodeState => {
      const pod = podSpec(spec, id);
      if (!pod) return {};
      return {
        pod: podName(spec, id),
        image: imageOf(pod),
        'git commit': `${IMAGES[pod.image].commit} (GIT_COMMIT, set by the Dockerfile)`,
        ready: readyLine(ready.has(id)),
        liveness: `GET ${CLUSTER.probes.liveness} every ${CLUSTER.probes.livenessPeriodS} s: passing (restart after ${CLUSTER.probes.failureThreshold} failures)`,
        restarts: String(pod.restarts),
        'in flight': inFlightLine(0),
        'database URL host': `${db.name} (Service ${db.name}, port ${db.port})`,
        'resolv.conf': RESOLV_CONF.split('\n').join(' · '),
        ...appServerState(profile, stack.db, scenario.faults.database),
      };
    };
    return {
      nodes,
      links: [
        ...ids.map((id) => link('proxy', id, 'proxy-app')),
        ...looksUp.map((id) => link(id, 'coredns', 'pod-dns')),
      ],
      initialState: {
        proxy: {
          listening: https ? ':443 (TLS), :80' : ':80, :443 (TLS)',
          'Ingress shop': `host shop.example, path /api → Service ${CLUSTER.app.name} port ${CLUSTER.app.port}`,
          annotations: `proxy-read-timeout "${CLUSTER.proxyReadTimeoutS}", proxy-next-upstream-tries "${CLUSTER.proxyNextUpstreamTries}"`,
          [`Service ${CLUSTER.app.name}`]: `ClusterIP ${CLUSTER.app.clusterIp}:${CLUSTER.app.port} → pods :${CLUSTER.app.targetPort}`,
          endpoints: `${readyPods(spec).length} of ${ids.length} pods ready`,
          EndpointSlice: endpointsLine(spec, ready),
          ...(spec.rollout
            ? {
                rollout: `Deployment ${CLUSTER.app.name}: ${spec.rollout.from} → ${spec.rollout.to}, maxSurge 25%, maxUnavailable 25%`,
              }
            : {}),
        },
        ...Object.fromEntries(ids.map((id) => [id, podState(id)])),
        ...(looksUp.length
          ? {
              coredns: {
                Corefile: `kubernetes ${CLUSTER.domain} in-addr.arpa ip6.arpa (ttl ${CLUSTER.dnsTtl}); forward . /etc/resolv.conf`,
                [`${db.fqdn} A`]: `${CLUSTER.dbClusterIp} (Service ${db.name})`,
              },
            }
          : {}),
      },
    };
  },
};
