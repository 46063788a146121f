import { describe, expect, it } from 'vitest';
import { fitCounter, MAX_TWO_LINES, MIN_ONE_LINE } from './useCounterFit.ts';

describe('fitCounter', () => {
  it('keeps the font where the whole line fits, and shrinks it to fit down to MIN_ONE_LINE', () => {
    expect(fitCounter(400, 300, [120, 170])).toEqual({ scale: 1, lines: 1 });
    expect(fitCounter(270, 300, [120, 170])).toEqual({ scale: 0.9, lines: 1 });
    expect(fitCounter(300 * MIN_ONE_LINE, 300, [120, 170]).lines).toBe(1);
  });

  it('puts the outcome under the step where one line would be smaller than that', () => {
    expect(fitCounter(220, 465, [179, 256])).toEqual({ scale: MAX_TWO_LINES, lines: 2 });
    expect(fitCounter(128, 465, [179, 256])).toEqual({ scale: 0.5, lines: 2 });
  });

  it('leaves the font alone before anything is laid out', () => {
    expect(fitCounter(0, 300, [120, 170])).toEqual({ scale: 1, lines: 1 });
  });
});
