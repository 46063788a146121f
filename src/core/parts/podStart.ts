import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import type { DnsMessage, Message } from '../model/messages.ts';
import { formatDig } from '../protocols/formatDig.ts';
import { httpMessage } from '../protocols/httpMessage.ts';
import { httpRequest } from '../protocols/http.ts';
import { kubeProxyRules } from '../protocols/kubeProxy.ts';
import { COST_MS, DATABASE_INFO } from '../world/world.ts';
import { CLUSTER, dbEndpoint, dbService, podIds, podIp, podName, podNumber } from './cluster.ts';
import { endpointsLine, imageOf, podSpec, readyLine, readyPods } from './kubernetes.ts';

const POD = 'pod-1';

/**
 * The database machine is unreachable: the probe's handler waits on a SYN nobody answers, and after the probe's
 * timeoutSeconds the kubelet counts a failure (its event's text, prober.go: Get "…": context deadline exceeded
 * (Client.Timeout exceeded while awaiting headers)). The pod stays not ready; the others serve. Returns them.
 */
function probeTimesOut(ctx: EngineContext, probedAt: number): readonly number[] {
  const { b } = ctx;
  const spec = ctx.scenario.topology.kubernetes;
  if (!spec) return [];
  b.wait(probedAt + CLUSTER.probeTimeoutS * 1000 - b.now());
  b.local(POD, COST_MS.proxyRoute, {
    id: 'pod-probe-failed',
    phase: 'server',
    title: 'Readiness probe failed',
    narration: `The readiness handler is still waiting for the database's SYN-ACK when the probe's ${CLUSTER.probeTimeoutS} s (timeoutSeconds) runs out. The kubelet records a failure: ${POD} stays not ready and the EndpointSlice keeps it out, so ingress-nginx sends it nothing. The pods that were already ready still are: their probes have not run since the database vanished.`,
    why: 'Robustness: a pod that cannot reach what it needs gets no traffic; readiness says “not now”, liveness (which does not ask the database) does not restart it.',
    message: internal(
      'Readiness probe failed',
      `Warning  Unhealthy  pod/${podName(spec, POD)}  Readiness probe failed: Get "http://${podIp(POD)}:${CLUSTER.app.targetPort}${CLUSTER.probes.readiness}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    ),
  });
  return readyPods(spec).map(podNumber);
}

/** A DNS message for a step (the engine's resolver has its own; parts may not import the engine). */
const dnsStep = (dns: DnsMessage, summary: string): Message => ({
  protocol: 'dns',
  summary,
  text: formatDig(dns),
  dns,
});

/** The kubelet's readiness probe, as its Go HTTP client sends it (pkg/probe/http: User-Agent kube-probe, Accept). */
export const readinessProbe = (ip: string) =>
  httpRequest(
    'GET',
    CLUSTER.probes.readiness,
    [
      ['Host', `${ip}:${CLUSTER.app.targetPort}`],
      ['User-Agent', `kube-probe/${CLUSTER.kubernetes}`],
      ['Accept', '*/*'],
      ['Connection', 'close'],
    ],
    '',
  );

/** The pods that receive requests (1-based): those ready, after the one starting has passed its probe. */
export function podsInRotation(ctx: EngineContext): readonly number[] {
  const spec = ctx.scenario.topology.kubernetes;
  if (!spec) return [];
  return spec.podStarting ? podStart(ctx) : readyPods(spec).map(podNumber);
}

/**
 * pod-1 has just started: the kubelet's readiness probe asks GET /readyz, whose handler needs the database; the
 * driver resolves the Service name from the database URL through CoreDNS (the pod's resolv.conf: search path,
 * ndots:5), connects to the Service's cluster IP, which kube-proxy's rules in the node's kernel rewrite to the
 * database's address, and the probe passes: the pod turns ready and joins the EndpointSlice. Returns the pods
 * ready after it (1-based).
 */
export function podStart(ctx: EngineContext): readonly number[] {
  const { b, stack } = ctx;
  const spec = ctx.scenario.topology.kubernetes;
  if (!spec) return [];
  const pod = podSpec(spec, POD);
  const db = dbService(stack.db);
  const ip = podIp(POD);
  const unreachable = ctx.scenario.faults.database === 'unreachable';
  const probedAt = b.now();
  b.local(POD, COST_MS.proxyRoute, {
    id: 'pod-readiness-probe',
    phase: 'server',
    title: `Readiness probe GET ${CLUSTER.probes.readiness}`,
    narration: `${podName(spec, POD)} has just started from ${pod ? imageOf(pod) : 'its image'}. Until its readiness probe passes it is in the Service's EndpointSlice as not ready, so no request reaches it. The kubelet on its node asks GET ${CLUSTER.probes.readiness} every ${CLUSTER.probes.readinessPeriodS} seconds; the app's readiness handler answers 200 only once it can reach ${DATABASE_INFO[stack.db].name}.`,
    why: 'Robustness: readiness keeps a pod out of rotation until it can really serve; liveness restarts one that hangs.',
    message: httpMessage(readinessProbe(ip)),
  });
  const question = { name: db.fqdn, type: 'A' } as const;
  const query: DnsMessage = {
    id: ctx.rng.int(1, 65535),
    kind: 'query',
    rd: true,
    ra: false,
    aa: false,
    rcode: 'NOERROR',
    question,
    answers: [],
    authorities: [],
    additionals: [],
    server: CLUSTER.dnsServiceIp,
    // Go's own resolver adds EDNS(0) for 1232 bytes (net/dnsclient_unix.go, maxDNSPacketSize); the others
    // resolve through the C library's stub (glibc, or musl on Alpine), which sends none without `options edns0`.
    edns: stack.lang === 'go' ? { udp: 1232, do: false } : null,
  };
  b.hop(POD, 'coredns', 'request', {
    id: 'cluster-dns-query',
    phase: 'dns',
    title: `DNS query A ${db.fqdn.slice(0, -1)}`,
    narration: `The database URL says host "${db.name}". The pod's /etc/resolv.conf (written by the kubelet) has ndots:5: a name with fewer than five dots is tried with each search domain first, so the resolver asks for ${db.fqdn.slice(0, -1)} (the AAAA query goes out beside it and is not shown). It goes to ${CLUSTER.dnsServiceIp}, the kube-dns Service, whose pods run CoreDNS.`,
    why: 'Performance: ndots:5 costs a wasted query or three for outside names (api.stripe.com is first tried as api.stripe.com.default.svc.cluster.local); a short in-cluster name resolves on the first try.',
    message: dnsStep(query, `DNS query A ${db.fqdn.slice(0, -1)}`),
  });
  // CoreDNS answers authoritatively and offers no recursion for its own zone (dig warns "recursion requested but
  // not available"); an EDNS query gets an OPT record back.
  const answer: DnsMessage = {
    ...query,
    kind: 'response',
    aa: true,
    answers: [{ name: db.fqdn, type: 'A', ttl: CLUSTER.dnsTtl, data: CLUSTER.dbClusterIp }],
  };
  b.hop('coredns', POD, 'response', {
    id: 'cluster-dns-answer',
    phase: 'dns',
    title: `A ${CLUSTER.dbClusterIp}`,
    narration: `CoreDNS is authoritative for ${CLUSTER.domain}: its kubernetes plugin answers from the Services it watches, at once and with TTL ${CLUSTER.dnsTtl}. The answer is the Service's cluster IP, ${CLUSTER.dbClusterIp}, not a machine's.`,
    message: dnsStep(answer, `A ${CLUSTER.dbClusterIp}`),
  });
  const rules = kubeProxyRules({
    servicePortName: `${CLUSTER.namespace}/${db.name}:${db.port}`,
    clusterIp: CLUSTER.dbClusterIp,
    port: db.port,
    endpoints: [dbEndpoint(stack.db)],
  });
  b.local(POD, COST_MS.proxyRoute, {
    id: 'kube-proxy-dnat',
    phase: 'database',
    title: `DNAT ${CLUSTER.dbClusterIp} → ${dbEndpoint(stack.db)}`,
    narration: `The driver connects to ${CLUSTER.dbClusterIp}:${db.port}. No machine has that address: as the SYN leaves the pod, the node's kernel matches kube-proxy's iptables rules for the Service ${db.name} and rewrites the destination to its endpoint, ${dbEndpoint(stack.db)}, the database machine outside the cluster. Conntrack remembers it for every later packet of the connection; nothing answers at the cluster IP itself.${unreachable ? ' But the database machine is gone: no SYN-ACK comes back.' : ''}`,
    why: 'Scalability: a Service is a rule in every node’s kernel, not a hop: it costs no extra round trip.',
    message: internal(
      `DNAT → ${dbEndpoint(stack.db)}`,
      `# iptables-save -t nat (kube-proxy, iptables mode)\n${rules.join('\n')}`,
    ),
    changes: unreachable
      ? []
      : [
          {
            node: POD,
            key: 'db pool',
            value: `1 open connection to ${db.name} (${CLUSTER.dbClusterIp}:${db.port})`,
          },
        ],
  });
  if (unreachable) return probeTimesOut(ctx, probedAt);
  const ready = [...new Set([...readyPods(spec), POD])];
  b.local(POD, COST_MS.proxyRoute, {
    id: 'pod-ready',
    phase: 'server',
    title: `${POD} is ready`,
    narration: `With its database connection open the readiness handler answers 200. The kubelet marks the pod Ready, the EndpointSlice controller sets ready: true for ${ip}:${CLUSTER.app.targetPort}, and ingress-nginx, watching the slice, adds it to its upstream. Now, and only now, requests can reach it.`,
    message: internal(
      'Ready: True',
      `${podName(spec, POD)}  1/1  Running  restarts ${pod?.restarts ?? 0}\ncondition Ready: True (readiness probe GET ${CLUSTER.probes.readiness}: 200)`,
    ),
    changes: [
      { node: POD, key: 'ready', value: readyLine(true) },
      { node: 'proxy', key: 'endpoints', value: `${ready.length} of ${podIds(spec).length} pods ready` },
      { node: 'proxy', key: 'EndpointSlice', value: endpointsLine(spec, new Set(ready)) },
    ],
  });
  return ready.map(podNumber).sort((x, y) => x - y);
}
