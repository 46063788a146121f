import { describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../core/index.ts';
import type { Timeline } from '../../core/index.ts';
import { LONG_SHARE, waterfallScale } from './waterfallScale.ts';

const timeline = (id: string): Timeline => {
  const s = scenarioById(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return buildTimeline(s, { lang: 'node', db: 'postgres' });
};
const ids = (t: Timeline, indices: readonly number[]) => indices.map((i) => t.steps[i]?.id);

describe('waterfallScale', () => {
  it('at teaching pace every step has an equal slot, so slow-query and indexed-query place their marks alike', () => {
    const slow = waterfallScale(timeline('slow-query'), 'teaching');
    const fast = waterfallScale(timeline('indexed-query'), 'teaching');
    expect(slow.bands).toEqual(fast.bands);
    expect(slow.markAt(7)).toBe(fast.markAt(7));
  });

  it('at teaching pace the full scan’s mark carries its duration; the index lookup’s does not, as the network hops take longer', () => {
    const slow = timeline('slow-query');
    const fast = timeline('indexed-query');
    expect(ids(slow, waterfallScale(slow, 'teaching').long)).toEqual(['db-execute']);
    expect(ids(fast, waterfallScale(fast, 'teaching').long)).not.toContain('db-execute');
    for (const i of waterfallScale(fast, 'teaching').long)
      expect(fast.steps[i]?.durationMs).toBeGreaterThanOrEqual(LONG_SHARE * fast.totalMs);
  });

  it('at real pace the scan spans most of the width and the index lookup a sliver; no mark needs a label', () => {
    const slow = timeline('slow-query');
    const fast = timeline('indexed-query');
    const width = (t: Timeline) => {
      const scale = waterfallScale(t, 'real');
      const i = t.steps.findIndex((s) => s.id === 'db-execute');
      return scale.markAt(i + 1) - scale.markAt(i);
    };
    expect(width(slow)).toBeGreaterThan(0.8);
    expect(width(fast)).toBeLessThan(0.01);
    expect(waterfallScale(slow, 'real').long).toEqual([]);
  });
});
