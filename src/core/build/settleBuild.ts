import type { BuildSpec } from './BuildSpec.ts';
import { buildProblems } from './buildProblems.ts';

/**
 * The nearest spec without problems, after a change made others clash: warm caches that no longer fit are
 * dropped first (a warm CDN without a CDN), then the index, then the fault. What was just chosen wins.
 */
export function settleBuild(spec: BuildSpec): BuildSpec {
  if (buildProblems(spec).length === 0) return spec;
  const warm = new Set(
    [...spec.warm].filter((w) => buildProblems({ ...spec, warm: new Set([w]) }).length === 0),
  );
  let settled: BuildSpec = { ...spec, warm, skuIndex: spec.skuIndex && spec.request === 'search' };
  if (buildProblems(settled).length > 0) settled = { ...settled, fault: null };
  return settled;
}
