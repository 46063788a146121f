export type { BuildFault, BuildRequest, BuildSpec, FaultHop, WarmThing } from './BuildSpec.ts';
export {
  BUILD_FAULTS,
  BUILD_REQUESTS,
  DEFAULT_BUILD,
  DEFAULT_PODS,
  FAULT_HOPS,
  MAX_REPLICAS,
  MIN_REPLICAS,
  WARM_THINGS,
} from './BuildSpec.ts';
export { BUILD_VERSION, decodeBuild, encodeBuild } from './buildCode.ts';
export type { DecodedBuild } from './buildCode.ts';
export { buildProblems } from './buildProblems.ts';
export { buildOf } from './buildOf.ts';
export { buildLosses } from './buildLosses.ts';
export { builtScenario, buildTitle } from './builtScenario.ts';
export { scenarioOrBuild } from './scenarioOrBuild.ts';
export { resolveBuild } from './resolveBuild.ts';
export type { ResolvedBuild } from './resolveBuild.ts';
export { settleBuild } from './settleBuild.ts';
