import type { Timeline } from '../core/index.ts';

/** "first-visit-python-mysql": what every exported file of a timeline is named after. */
export function exportBaseName(timeline: Timeline): string {
  return `${timeline.scenario}-${timeline.stack.lang}-${timeline.stack.db}`;
}
