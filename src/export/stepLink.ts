import type { Timeline } from '../core/index.ts';

/** A link to a step of the timeline in Roundtrip (PRODUCT.md §5's hash), from the page's address. */
export function stepLink(base: string, timeline: Timeline, step: number): string {
  const page = base.split('#')[0] ?? base;
  const { lang, db } = timeline.stack;
  return `${page}#scenario=${timeline.scenario}&lang=${lang}&db=${db}&step=${step}`;
}
