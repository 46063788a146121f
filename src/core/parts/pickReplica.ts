import type { BalancerSpec } from '../model/scenario.ts';

/**
 * The replica (1-based) the balancer sends the next request to, or null when none is in rotation.
 * Round robin takes the next in turn from `spec.next`, skipping servers that are DOWN; least connections
 * takes the one with the fewest requests in flight, ties going to the next in turn.
 */
export function pickReplica(spec: BalancerSpec, inRotation: readonly number[]): number | null {
  const order = Array.from({ length: spec.replicas }, (_, i) => ((spec.next - 1 + i) % spec.replicas) + 1);
  const up = order.filter((n) => inRotation.includes(n));
  if (up.length === 0) return null;
  switch (spec.algorithm) {
    case 'roundrobin':
      return up[0] ?? null;
    case 'leastconn': {
      const load = (n: number) => spec.inFlight[n - 1] ?? 0;
      return up.reduce((best, n) => (load(n) < load(best) ? n : best));
    }
  }
}
