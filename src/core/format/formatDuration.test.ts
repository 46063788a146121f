import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration.ts';

describe('formatDuration', () => {
  it('writes scenario durations in the unit and precision people read', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(0.02)).toBe('0.02 ms');
    expect(formatDuration(9.5)).toBe('9.5 ms');
    expect(formatDuration(19)).toBe('19 ms');
    expect(formatDuration(117.24)).toBe('117.2 ms');
    expect(formatDuration(3044.1)).toBe('3.04 s');
  });
});
