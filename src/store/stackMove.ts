import { DATABASE_INFO, LANGUAGE_INFO, NOTICES, scenarioById, stackFit } from '../core/index.ts';
import type { Stack } from '../core/index.ts';

/** "Go · PostgreSQL": a stack as the pickers name it. */
export const stackLabel = (stack: Stack): string =>
  `${LANGUAGE_INFO[stack.lang].label} · ${DATABASE_INFO[stack.db].name}`;

/**
 * Where the player goes when scenario `id` is asked for on `wanted` (its `notFor`, core/model/stackFit.ts):
 * `wanted`, or the nearest stack the scenario is shown on, with the notice that says why and names the stack
 * shown instead: that one, or `staying` when the player keeps the stack it has.
 */
export function stackMove(
  id: string,
  wanted: Stack,
  staying?: Stack,
): { stack: Stack; notice: string | null } {
  const scenario = scenarioById(id);
  if (!scenario) return { stack: wanted, notice: null };
  const { stack, reason } = stackFit(scenario, wanted);
  if (reason === null) return { stack, notice: null };
  return {
    stack,
    notice: NOTICES.notOnStack(scenario.title, stackLabel(wanted), reason, stackLabel(staying ?? stack)),
  };
}
