import type { BuildSpec } from './BuildSpec.ts';
import { buildProblems } from './buildProblems.ts';

/**
 * The nearest spec without problems, after a change made others clash: warm caches that no longer fit are
 * dropped first (a warm CDN without a CDN), then the index, then the fault, then Kubernetes. What was just
 * chosen wins (the panel disables the choices that would clash instead).
 */
export function settleBuild(spec: BuildSpec): BuildSpec {
  if (buildProblems(spec).length === 0) return spec;
  const warm = new Set(
    [...spec.warm].filter((w) => buildProblems({ ...spec, warm: new Set([w]) }).length === 0),
  );
  let settled: BuildSpec = {
    ...spec,
    warm,
    skuIndex: spec.skuIndex && spec.request === 'search',
    // Without the users' place there is no distance to the servers.
    servers: spec.user ? spec.servers : 'frankfurt',
  };
  if (buildProblems(settled).length > 0) settled = { ...settled, fault: null };
  // The stylesheet is not in the cluster's Ingress: a request for it takes the app off Kubernetes.
  if (buildProblems(settled).length > 0) settled = { ...settled, kubernetes: false };
  return settled;
}
