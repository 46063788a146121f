import type { Timeline } from '../../core/index.ts';
import { linkKey } from './linkKey.ts';

const cache = new WeakMap<Timeline, ReadonlyMap<string, number>>();

/** For each link, the index of the first step that travels it (to mark visited edges). */
export function firstCrossing(timeline: Timeline): ReadonlyMap<string, number> {
  const cached = cache.get(timeline);
  if (cached) return cached;
  const first = new Map<string, number>();
  for (const step of timeline.steps) {
    if (step.from === step.to) continue;
    const key = linkKey(step.from, step.to);
    if (!first.has(key)) first.set(key, step.index);
  }
  cache.set(timeline, first);
  return first;
}
