import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_ID, SCENARIOS, scenarioById } from '../scenarios/index.ts';
import { unavailableReason } from '../model/stackFit.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import { simulateTimeline } from '../engine/simulateTimeline.ts';
import { buildTimeline } from '../engine/buildTimeline.ts';
import { languageProfile } from '../stacks/languages.ts';
import { ALL_EXTRAS } from './allExtras.ts';
import { extrasFor } from './ExtraStages.ts';

const scenario = (id: string) => {
  const found = scenarioById(id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};
const NODE = { lang: 'node', db: 'postgres' } as const;

describe('extra stages', () => {
  it('the default scenario needs none: its first view waits for nothing more', () => {
    expect(extrasFor(scenario(DEFAULT_SCENARIO_ID), NODE)).toEqual([]);
  });

  it('a stack on MongoDB or MySQL needs its database’s stages (mongodb, mysql), whatever the scenario; PostgreSQL none', () => {
    for (const db of DATABASES)
      expect(extrasFor(scenario(DEFAULT_SCENARIO_ID), { lang: 'go', db }), db).toEqual(
        db === 'mongodb' || db === 'mysql' ? [db] : [],
      );
    expect(extrasFor(scenario('http2'), { lang: 'node', db: 'mongodb' })).toEqual(['http2', 'mongodb']);
    const mongo = { lang: 'node', db: 'mongodb' } as const;
    expect(() => simulateTimeline(scenario(DEFAULT_SCENARIO_ID), mongo, languageProfile('node'), {})).toThrow(
      `${DEFAULT_SCENARIO_ID} needs its extra stages first: mongodb.`,
    );
    for (const stack of [mongo, { lang: 'php', db: 'mysql' } as const])
      expect(buildTimeline(scenario(DEFAULT_SCENARIO_ID), stack)).toEqual(
        simulateTimeline(scenario(DEFAULT_SCENARIO_ID), stack, languageProfile(stack.lang), ALL_EXTRAS),
      );
  });

  it.each([
    ['http2', ['http2']],
    ['tls-resumption', ['tlsResumption']],
    ['load-balanced', ['loadBalancer']],
    ['kubernetes', ['kubernetes']],
    ['rolling-deploy', ['kubernetes']],
    ['database-down', ['databaseFaults']],
    ['pool-exhausted', ['databaseFaults']],
    ['bad-gateway', ['appFaults']],
    ['server-error', ['appFaults']],
    ['cors-preflight', ['cors', 'reviews']],
    ['post-create', ['reviews']],
    ['invalid-input', ['reviews']],
    ['redirect-https', ['httpsRedirect']],
    ['rate-limited', ['rateLimit']],
    ['browser-cache-hit', ['browserCache']],
    ['far-away', ['geography']],
  ])('%s needs %j', (id, extras) => {
    expect(extrasFor(scenario(id), NODE)).toEqual(extras);
  });

  it('a simulation without the extras its scenario needs is refused, naming them', () => {
    expect(() => simulateTimeline(scenario('http2'), NODE, languageProfile('node'), {})).toThrow(
      'http2 needs its extra stages first: http2.',
    );
  });

  it('every scenario gives the same timeline with only its extras as with all of them', () => {
    for (const s of SCENARIOS) {
      const stack =
        LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db }))).find(
          (st) => unavailableReason(s, st) === null,
        ) ?? NODE;
      expect(simulateTimeline(s, stack, languageProfile(stack.lang), ALL_EXTRAS), s.id).toEqual(
        buildTimeline(s, stack),
      );
    }
  });
});
