import { sha256 } from './sha256.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 with its standard alphabet (Go's base32.StdEncoding, without the padding nobody reads here). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

const hash16 = (text: string): string => base32(sha256(new TextEncoder().encode(text))).slice(0, 16);

/**
 * kube-proxy's chain for a Service port: "KUBE-SVC-" + the first 16 base32 characters of
 * sha256(servicePortName + protocol), servicePortName being "namespace/name:port" and the protocol lower case
 * (pkg/proxy/iptables/proxier.go, servicePortChainName; its test's ns1/svc1:p80 gives KUBE-SVC-XPGD46QRK7WJZT7O).
 */
export const serviceChain = (servicePortName: string): string =>
  `KUBE-SVC-${hash16(`${servicePortName}tcp`)}`;

/** kube-proxy's chain for one endpoint of a Service port: the same hash with "ip:port" appended. */
export const endpointChain = (servicePortName: string, endpoint: string): string =>
  `KUBE-SEP-${hash16(`${servicePortName}tcp${endpoint}`)}`;

/**
 * The probability iptables-save prints for `--probability 1/n`: kube-proxy writes "%0.10f" of it, xt_statistic
 * keeps it as lround(p × 2^31) / 2^31 and iptables prints that with eleven decimals (1/3 → 0.33333333349).
 */
export const iptablesProbability = (n: number): string => (Math.round(2 ** 31 / n) / 2 ** 31).toFixed(11);

/** One Service port and its ready endpoints, as kube-proxy sees them. */
export interface ServiceRules {
  /** "default/postgres:5432" style name: namespace/name:port name. */
  readonly servicePortName: string;
  readonly clusterIp: string;
  readonly port: number;
  /** "ip:port" of each ready endpoint, in the EndpointSlice's order. */
  readonly endpoints: readonly string[];
}

/**
 * The nat table rules kube-proxy (iptables mode) writes for a ClusterIP Service port, as `iptables-save -t nat`
 * prints them: the match on the cluster IP, one rule per endpoint in the Service's chain (each taking its share
 * at random), and each endpoint's DNAT. Only ready endpoints get rules.
 */
export function kubeProxyRules({ servicePortName, clusterIp, port, endpoints }: ServiceRules): string[] {
  const svc = serviceChain(servicePortName);
  const comment = `"${servicePortName} cluster IP"`;
  const lines = [
    `-A KUBE-SERVICES -d ${clusterIp}/32 -p tcp -m comment --comment ${comment} -m tcp --dport ${port} -j ${svc}`,
    `-A ${svc} ! -s 10.244.0.0/16 -d ${clusterIp}/32 -p tcp -m comment --comment ${comment} -m tcp --dport ${port} -j KUBE-MARK-MASQ`,
  ];
  endpoints.forEach((endpoint, i) => {
    const left = endpoints.length - i;
    const pick = left > 1 ? ` -m statistic --mode random --probability ${iptablesProbability(left)}` : '';
    lines.push(
      `-A ${svc} -m comment --comment "${servicePortName} -> ${endpoint}"${pick} -j ${endpointChain(servicePortName, endpoint)}`,
    );
  });
  for (const endpoint of endpoints) {
    const sep = endpointChain(servicePortName, endpoint);
    const ip = endpoint.split(':')[0] ?? '';
    lines.push(
      `-A ${sep} -s ${ip}/32 -m comment --comment ${servicePortName} -j KUBE-MARK-MASQ`,
      `-A ${sep} -p tcp -m comment --comment ${servicePortName} -m tcp -j DNAT --to-destination ${endpoint}`,
    );
  }
  return lines;
}
