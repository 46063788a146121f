import { describe, expect, it } from 'vitest';
import type { Language } from '../model/stack.ts';
import { LANGUAGE_PROFILES } from '../stacks/languages.ts';
import type { ReviewFacts, ReviewRules } from './reviewPlan.ts';
import { reviewPlan } from './reviewPlan.ts';

const GOOD: ReviewFacts = { idOk: true, bodyParses: true, bodyValid: true, tokenOk: true };
const kinds = (rules: ReviewRules, facts: Partial<ReviewFacts>): string[] =>
  reviewPlan(rules, { ...GOOD, ...facts }).map((s) =>
    s.kind === 'validate' && s.pathBad ? 'validate+id' : s.kind,
  );

/** Each framework's own rules, from its profile. */
const rulesOf = (lang: Language): ReviewRules => {
  const { routing } = LANGUAGE_PROFILES[lang];
  return { malformedBody: routing.malformedBody, refusedBy: routing.id.refusedBy };
};
const EXPRESS = rulesOf('node');
const FASTAPI = rulesOf('python');
const SPRING = rulesOf('java');
const RAILS = rulesOf('ruby');
const GO = rulesOf('go');
const LARAVEL = rulesOf('php');
const ALL = [EXPRESS, FASTAPI, SPRING, RAILS, GO, LARAVEL];

describe('reviewPlan: the order of a framework’s refusals', () => {
  it.each([
    // rules, facts, the checks that run (the last one answers)
    ['Express, all good', EXPRESS, {}, ['auth', 'validate', 'write']],
    ['Express, no token', EXPRESS, { tokenOk: false }, ['auth']],
    [
      'Express, bad id: the handler checks it after validation',
      EXPRESS,
      { idOk: false },
      ['auth', 'validate', 'refuseId'],
    ],
    [
      'Express, bad id and bad body: validation answers first',
      EXPRESS,
      { idOk: false, bodyValid: false },
      ['auth', 'validate'],
    ],
    [
      'FastAPI, body not JSON: refused before auth',
      FASTAPI,
      { bodyParses: false, bodyValid: false, tokenOk: false },
      ['refuseBody'],
    ],
    ['FastAPI, bad id: reported with the body’s errors', FASTAPI, { idOk: false }, ['auth', 'validate+id']],
    [
      'Spring, bad id: the conversion refuses it before the body is read',
      SPRING,
      { idOk: false, bodyValid: false },
      ['auth', 'refuseId'],
    ],
    ['Spring, no token beats a bad id', SPRING, { idOk: false, tokenOk: false }, ['auth']],
    [
      'Spring, body not JSON: one of the validation errors',
      SPRING,
      { bodyParses: false, bodyValid: false },
      ['auth', 'validate'],
    ],
    [
      'Rails, body not JSON and no token: the parse error first',
      RAILS,
      { bodyParses: false, bodyValid: false, tokenOk: false },
      ['refuseBody'],
    ],
    [
      'Go, body not JSON and no token: 401 first',
      GO,
      { bodyParses: false, bodyValid: false, tokenOk: false },
      ['auth'],
    ],
    ['Laravel, all good', LARAVEL, {}, ['auth', 'validate', 'write']],
  ] as const)('%s', (_name, rules, facts, expected) => {
    expect(kinds(rules, facts)).toEqual(expected);
  });

  it('every plan ends with the stage that answers, and only a valid review of a valid id is written', () => {
    for (const rules of ALL)
      for (const idOk of [true, false])
        for (const bodyParses of [true, false])
          for (const bodyValid of bodyParses ? [true, false] : [false])
            for (const tokenOk of [true, false]) {
              const plan = reviewPlan(rules, { idOk, bodyParses, bodyValid, tokenOk });
              const last = plan.at(-1);
              const answers =
                last?.kind === 'refuseBody' ||
                last?.kind === 'refuseId' ||
                last?.kind === 'write' ||
                (last && 'ok' in last && !last.ok);
              expect(answers).toBe(true);
              expect(last?.kind === 'write').toBe(idOk && bodyValid && tokenOk);
            }
  });
});
