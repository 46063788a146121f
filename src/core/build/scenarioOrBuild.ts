import type { Scenario } from '../model/scenario.ts';
import { scenarioById } from '../scenarios/index.ts';
import { decodeBuild } from './buildCode.ts';
import { builtScenario } from './builtScenario.ts';

/** A built-in scenario by id, or the scenario a build code describes ("v1.lb3.cdn.far"), or undefined. */
export function scenarioOrBuild(idOrCode: string): Scenario | undefined {
  const known = scenarioById(idOrCode);
  if (known) return known;
  const decoded = decodeBuild(idOrCode);
  return decoded.ok ? builtScenario(decoded.spec) : undefined;
}
