import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHash } from './formatHash.ts';
import { CAMERAS, THEMES } from './linkFields.ts';
import { DEFAULT_LINK } from './LinkState.ts';
import type { LinkState } from './LinkState.ts';
import { parseHash } from './parseHash.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import { NOTICES } from '../notices.ts';
import { PACES, SPEEDS } from '../playback/index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { hostileHash } from '../../../tests/support/hostileInputs.ts';
import { buildSpec } from '../../../tests/support/buildSpecs.ts';
import { encodeBuild } from '../build/buildCode.ts';

describe('parseHash', () => {
  it('reads the example link of PRODUCT.md §5', () => {
    const { state, problems } = parseHash(
      '#scenario=first-visit&lang=node&db=postgres&step=7&autoplay=0&speed=1&pause=hop&theme=light&controls=full&captions=1&keys=1&motion=auto&embed=1&api=0',
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_LINK, step: 7, theme: 'light', embed: true });
  });

  it('gives the defaults for an empty hash', () => {
    expect(parseHash('')).toEqual({ state: DEFAULT_LINK, problems: [] });
    expect(parseHash('#')).toEqual({ state: DEFAULT_LINK, problems: [] });
  });

  it('names each malformed or unknown parameter and falls back to its default', () => {
    const { state, problems } = parseHash(
      '#scenario=nope&step=-3&speed=3&theme=neon&lang=cobol&foo=1&motion=0',
    );
    expect(state).toEqual({ ...DEFAULT_LINK, motion: 'off' });
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/scenario=nope.*first-visit/);
    expect(problems.join('\n')).toMatch(/step=-3/);
    expect(problems.join('\n')).toMatch(/"foo"/);
  });

  it('takes a name that Object.prototype holds for an unknown parameter, not for a field', () => {
    // A lookup that trusts LINK_FIELDS[name] finds Object.prototype's members under these names.
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const { state, problems } = parseHash(`#${names.map((name) => `${name}=1`).join('&')}`);
    expect(problems).toEqual(names.map(NOTICES.unknownParam));
    expect(state).toEqual(DEFAULT_LINK);
    expect(Object.keys(state)).toEqual(Object.keys(DEFAULT_LINK));
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  });

  it('round-trips any valid state through formatHash', () => {
    const arbState = fc.record({
      scenario: fc.constantFrom(...SCENARIOS.map((s) => s.id)),
      lang: fc.constantFrom(...LANGUAGES),
      db: fc.constantFrom(...DATABASES),
      step: fc.integer({ min: 1, max: 999_999 }),
      build: fc.option(buildSpec.map(encodeBuild), { nil: null }),
      autoplay: fc.boolean(),
      speed: fc.constantFrom(...SPEEDS),
      pause: fc.constantFrom('hop' as const, 'none' as const),
      pace: fc.constantFrom(...PACES),
      theme: fc.constantFrom(null, ...THEMES),
      controls: fc.constantFrom('full' as const, 'minimal' as const, 'none' as const),
      captions: fc.boolean(),
      keys: fc.boolean(),
      motion: fc.constantFrom('auto' as const, 'off' as const),
      embed: fc.boolean(),
      api: fc.boolean(),
      handoff: fc.boolean(),
      camera: fc.constantFrom(...CAMERAS),
    }) satisfies fc.Arbitrary<LinkState>;
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
        expect(Object.keys(state).sort()).toEqual(Object.keys(DEFAULT_LINK).sort());
      }),
      { numRuns: 2000 },
    );
  });
});
