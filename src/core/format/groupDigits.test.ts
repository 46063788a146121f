import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits } from './groupDigits.ts';

describe('groupDigits', () => {
  it('writes integers as en-US does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 2000 },
    );
    expect(groupDigits(10_000)).toBe('10,000');
    expect(groupDigits(999)).toBe('999');
  });
});
