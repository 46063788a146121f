import { describe, expect, it } from 'vitest';
import { freshness } from './freshness.ts';

describe('freshness (RFC 9111 §4.2, a private cache)', () => {
  it.each([
    ['public, max-age=31536000, immutable', undefined, 345_600, 31_536_000, true],
    ['max-age=60', undefined, 59, 60, true],
    ['max-age=60', undefined, 60, 60, false],
    ['max-age=60', '30', 40, 60, false],
    ['no-cache', undefined, 0, 0, false],
    ['private, no-store', undefined, 0, 0, false],
    [undefined, undefined, 1, 0, false],
  ] as const)(
    'Cache-Control %s, Age %s, stored %i s: lifetime %i, fresh %s',
    (cc, age, stored, lifetime, fresh) => {
      const headers = [
        ...(cc === undefined ? [] : [['Cache-Control', cc] as const]),
        ...(age === undefined ? [] : [['Age', age] as const]),
      ];
      const f = freshness(headers, stored);
      expect(f.lifetimeS).toBe(lifetime);
      expect(f.fresh).toBe(fresh);
      expect(f.ageS).toBe(stored + Number(age ?? 0));
    },
  );
});
