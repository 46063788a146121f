import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HASH_STATE, SPEEDS, THEMES } from './HashState.ts';
import type { HashState } from './HashState.ts';
import { formatHash } from './formatHash.ts';
import { parseHash } from './parseHash.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { hostileHash } from '../../../tests/support/hostileInputs.ts';

describe('parseHash', () => {
  it('reads the example link of PRODUCT.md §5', () => {
    const { state, problems } = parseHash(
      '#scenario=first-visit&lang=node&db=postgres&step=7&autoplay=0&speed=1&pause=hop&theme=light&controls=full&captions=1&keys=1&motion=auto&embed=1&api=0',
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_HASH_STATE, step: 7, theme: 'light', embed: true });
  });

  it('gives the defaults for an empty hash', () => {
    expect(parseHash('')).toEqual({ state: DEFAULT_HASH_STATE, problems: [] });
    expect(parseHash('#')).toEqual({ state: DEFAULT_HASH_STATE, problems: [] });
  });

  it('names each malformed or unknown parameter and falls back to its default', () => {
    const { state, problems } = parseHash(
      '#scenario=nope&step=-3&speed=3&theme=neon&lang=cobol&foo=1&motion=0',
    );
    expect(state).toEqual({ ...DEFAULT_HASH_STATE, motion: 'off' });
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/scenario=nope.*first-visit/);
    expect(problems.join('\n')).toMatch(/step=-3/);
    expect(problems.join('\n')).toMatch(/"foo"/);
  });

  it('ignores prototype-pollution keys', () => {
    const { state, problems } = parseHash('#__proto__=x&constructor=1&toString=2');
    expect(state).toEqual(DEFAULT_HASH_STATE);
    expect(problems).toHaveLength(3);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('round-trips any valid state through formatHash', () => {
    const arbState = fc.record({
      scenario: fc.constantFrom(...SCENARIOS.map((s) => s.id)),
      lang: fc.constantFrom(...LANGUAGES),
      db: fc.constantFrom(...DATABASES),
      step: fc.integer({ min: 1, max: 999_999 }),
      autoplay: fc.boolean(),
      speed: fc.constantFrom(...SPEEDS),
      pause: fc.constantFrom('hop' as const, 'none' as const),
      theme: fc.constantFrom(null, ...THEMES),
      controls: fc.constantFrom('full' as const, 'minimal' as const, 'none' as const),
      captions: fc.boolean(),
      keys: fc.boolean(),
      motion: fc.constantFrom('auto' as const, 'off' as const),
      embed: fc.boolean(),
      api: fc.boolean(),
      handoff: fc.boolean(),
    }) satisfies fc.Arbitrary<HashState>;
    fc.assert(
      fc.property(arbState, (s) => {
        expect(parseHash(formatHash(s))).toEqual({ state: s, problems: [] });
      }),
    );
  });

  it('never throws and always returns a complete state for hostile input', () => {
    fc.assert(
      fc.property(hostileHash(), (hash) => {
        const { state } = parseHash(hash);
        expect(Object.keys(state).sort()).toEqual(Object.keys(DEFAULT_HASH_STATE).sort());
      }),
      { numRuns: 2000 },
    );
  });
});
