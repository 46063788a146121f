import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from '../scenarios/baseScenario.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { stackFit, unavailableReason } from './stackFit.ts';

const scenario = (notFor?: Scenario['notFor']): Scenario => ({
  ...baseScenario,
  id: 'fixture',
  title: 'Fixture',
  teaches: 'A scenario some stacks cannot show.',
  ...(notFor ? { notFor } : {}),
});

describe('a scenario’s stacks (notFor)', () => {
  it('applies to every stack when it excludes none', () => {
    expect(unavailableReason(scenario(), { lang: 'go', db: 'mysql' })).toBeNull();
    expect(stackFit(scenario([]), { lang: 'go', db: 'mysql' })).toEqual({
      stack: { lang: 'go', db: 'mysql' },
      reason: null,
    });
  });

  it('excludes a language on every database, a database in every language, or one pair', () => {
    const s = scenario([
      { lang: 'go', reason: 'Go’s pool has no limit.' },
      { db: 'mongodb', reason: 'MongoDB has no SQL.' },
      { lang: 'php', db: 'mysql', reason: 'One pair.' },
    ]);
    expect(unavailableReason(s, { lang: 'go', db: 'postgres' })).toBe('Go’s pool has no limit.');
    expect(unavailableReason(s, { lang: 'node', db: 'mongodb' })).toBe('MongoDB has no SQL.');
    expect(unavailableReason(s, { lang: 'php', db: 'mysql' })).toBe('One pair.');
    expect(unavailableReason(s, { lang: 'php', db: 'postgres' })).toBeNull();
  });

  it('moves to the nearest stack it fits: the same database first, then the same language', () => {
    const s = scenario([
      { lang: 'node', reason: 'Not Node.' },
      { db: 'mongodb', reason: 'Not MongoDB.' },
    ]);
    expect(stackFit(s, { lang: 'node', db: 'mysql' })).toEqual({
      stack: { lang: 'python', db: 'mysql' },
      reason: 'Not Node.',
    });
    expect(stackFit(s, { lang: 'go', db: 'mongodb' })).toEqual({
      stack: { lang: 'go', db: 'postgres' },
      reason: 'Not MongoDB.',
    });
    expect(stackFit(s, { lang: 'node', db: 'mongodb' }).stack).toEqual({ lang: 'python', db: 'postgres' });
  });

  it('every listed scenario applies to some stack, and gives a sentence for each exclusion', () => {
    for (const s of SCENARIOS) {
      expect(() => stackFit(s, { lang: 'node', db: 'postgres' }), s.id).not.toThrow();
      for (const e of s.notFor ?? []) expect(e.reason, s.id).toMatch(/^[A-Z].{20,}\.$/);
    }
  });
});
