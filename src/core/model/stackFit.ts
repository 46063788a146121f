import type { Scenario } from '../model/scenario.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import type { Stack } from '../model/stack.ts';

/** Why `scenario` is not shown on `stack` (its `notFor`), or null when it is. */
export function unavailableReason(scenario: Scenario, stack: Stack): string | null {
  const exclusion = (scenario.notFor ?? []).find(
    (e) => (e.lang ?? stack.lang) === stack.lang && (e.db ?? stack.db) === stack.db,
  );
  return exclusion?.reason ?? null;
}

/**
 * The stack `scenario` is shown on when `wanted` is asked for: `wanted` itself, or the nearest one it applies
 * to (the same database with the first language that fits, else the same language with the first database,
 * else the first pair), with the reason `wanted` was refused.
 */
export function stackFit(
  scenario: Scenario,
  wanted: Stack,
): { readonly stack: Stack; readonly reason: string | null } {
  const reason = unavailableReason(scenario, wanted);
  if (reason === null) return { stack: wanted, reason };
  const candidates: Stack[] = [
    ...LANGUAGES.map((lang) => ({ lang, db: wanted.db })),
    ...DATABASES.map((db) => ({ lang: wanted.lang, db })),
    ...LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db }))),
  ];
  const stack = candidates.find((s) => unavailableReason(scenario, s) === null);
  if (!stack) throw new Error(`Scenario ${scenario.id} excludes every stack.`);
  return { stack, reason };
}
