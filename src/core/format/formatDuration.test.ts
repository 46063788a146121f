import { describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../index.ts';
import { formatDuration } from './formatDuration.ts';

describe('formatDuration', () => {
  it('writes scenario durations in the unit and precision people read', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(0.02)).toBe('0.02 ms');
    expect(formatDuration(9.5)).toBe('9.5 ms');
    expect(formatDuration(18)).toBe('18 ms');
    expect(formatDuration(43.78)).toBe('43.8 ms');
    expect(formatDuration(117.24)).toBe('117.2 ms');
    expect(formatDuration(3044.1)).toBe('3.04 s');
  });

  it('is the rule of the outcome line too, so it and the clock agree', () => {
    const outcome = (id: string) => {
      const timeline = buildTimeline(scenarioById(id)!, { lang: 'node', db: 'postgres' });
      return { summary: timeline.outcome.summary, total: formatDuration(timeline.totalMs) };
    };
    expect(outcome('first-visit')).toEqual({ summary: '200 OK in 221.5 ms', total: '221.5 ms' });
    expect(outcome('database-unreachable')).toEqual({
      summary: '504 Gateway Time-out in 3.04 s',
      total: '3.04 s',
    });
  });
});
