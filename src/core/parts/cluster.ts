import type { ImageTag, KubernetesSpec } from '../model/scenario.ts';
import type { Database } from '../model/stack.ts';
import { ADDRESS, DATABASE_INFO } from '../world/world.ts';

/**
 * The shop's cluster, as kubeadm and flannel lay one out by default: Services in 10.96.0.0/12 (CoreDNS at
 * 10.96.0.10), pods in 10.244.0.0/16 (a /24 per node), the domain cluster.local, everything in the namespace
 * `default`. The app is the Deployment `shop-api` (port 8080 in its pods) behind the Service `shop-api` (port 80,
 * named http); the database machine stays outside the cluster, behind a Service without a selector whose
 * EndpointSlice lists it.
 */
export const CLUSTER = {
  kubernetes: '1.31',
  namespace: 'default',
  domain: 'cluster.local',
  serviceCidr: '10.96.0.0/12',
  podCidr: '10.244.0.0/16',
  dnsServiceIp: '10.96.0.10',
  corednsVersion: '1.11.3',
  corednsPodIp: '10.244.0.3',
  /** CoreDNS's kubernetes plugin as kubeadm's Corefile sets it: `ttl 30`. */
  dnsTtl: 30,
  app: { name: 'shop-api', clusterIp: '10.96.118.42', port: 80, portName: 'http', targetPort: 8080 },
  /** The database's Service: its name is the database's (postgres, mysql, mongodb). */
  dbClusterIp: '10.96.201.7',
  ingressPodIp: '10.244.0.12',
  /**
   * The Ingress's annotation nginx.ingress.kubernetes.io/proxy-read-timeout: "3" (the controller's default is
   * 60 s), set as short as the reverse proxy's 3 s so a hang ends in class time.
   */
  proxyReadTimeoutS: 3,
  /** And nginx.ingress.kubernetes.io/proxy-next-upstream-tries: "1": a failed pod is not retried on another. */
  proxyNextUpstreamTries: 1,
  /** The kubelet gives a probe timeoutSeconds: 1 (its default) to answer. */
  probeTimeoutS: 1,
  /** The kubelet reaches its pods from the node's bridge address. */
  probes: {
    readiness: '/readyz',
    liveness: '/livez',
    readinessPeriodS: 5,
    livenessPeriodS: 10,
    failureThreshold: 3,
  },
} as const;

/** The app's images: each tag built by the Dockerfile from one git commit, baked in as GIT_COMMIT. */
export const IMAGES: Readonly<Record<ImageTag, { readonly commit: string; readonly replicaSet: string }>> = {
  '1.4.2': { commit: '9f3c2e1', replicaSet: 'shop-api-7c9d5b8f6b' },
  '1.5.0': { commit: 'c41a7d0', replicaSet: 'shop-api-5f7b9c4d8x' },
};

/** The pods' own name suffixes (five characters of the alphabet Kubernetes names pods with). */
const SUFFIXES = ['x2kqp', 'h7lzt', 'm4wfn', 'r9dvs', 'b6tcj', 'q5jxw', 'w8nbd', 'z4gks'];

/** pod-3 → 3. */
export const podNumber = (id: string): number => Number(id.slice('pod-'.length));

/** The pods' node ids: pod-1 … pod-N. */
export const podIds = (spec: KubernetesSpec): string[] => spec.pods.map((_, i) => `pod-${i + 1}`);

/** The pod's Kubernetes name: its ReplicaSet's name and its own suffix ("shop-api-7c9d5b8f6b-x2kqp"). */
export function podName(spec: KubernetesSpec, id: string): string {
  const n = podNumber(id);
  const image = spec.pods[n - 1]?.image ?? '1.4.2';
  return `${IMAGES[image].replicaSet}-${SUFFIXES[(n - 1) % SUFFIXES.length] ?? ''}`;
}

/** The pod's address: pods alternate between the cluster's two worker nodes (10.244.1.x, 10.244.2.x). */
export function podIp(id: string): string {
  const n = podNumber(id);
  return `10.244.${((n - 1) % 2) + 1}.${17 + Math.floor((n - 1) / 2) * 6}`;
}

/** The pod's "ip:port" as its Service's EndpointSlice lists it. */
export const podEndpoint = (id: string): string => `${podIp(id)}:${CLUSTER.app.targetPort}`;

/** What ingress-nginx calls the Service's upstream: namespace-service-port ("default-shop-api-80"). */
export const upstreamName = (): string => `${CLUSTER.namespace}-${CLUSTER.app.name}-${CLUSTER.app.port}`;

/** The database's Service name (the host in the app's database URL) and its fully qualified name. */
export function dbService(db: Database): {
  readonly name: string;
  readonly fqdn: string;
  readonly port: number;
} {
  const name = db;
  return {
    name,
    fqdn: `${name}.${CLUSTER.namespace}.svc.${CLUSTER.domain}.`,
    port: DATABASE_INFO[db].port,
  };
}

/** The database machine outside the cluster, as the database Service's EndpointSlice lists it. */
export const dbEndpoint = (db: Database): string => `${ADDRESS.db}:${DATABASE_INFO[db].port}`;

/** /etc/resolv.conf as the kubelet writes it into a pod of the namespace (dnsPolicy ClusterFirst). */
export const RESOLV_CONF = [
  `search ${CLUSTER.namespace}.svc.${CLUSTER.domain} svc.${CLUSTER.domain} ${CLUSTER.domain}`,
  `nameserver ${CLUSTER.dnsServiceIp}`,
  'options ndots:5',
].join('\n');
