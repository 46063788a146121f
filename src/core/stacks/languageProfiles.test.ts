import { describe, expect, it } from 'vitest';
import { httpRequest } from '../protocols/http.ts';
import { jsonBody } from '../protocols/jsonBody.ts';
import type { Answer } from './frameworks/Framework.ts';
import { buildTimeline } from '../engine/buildTimeline.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { unavailableReason } from '../model/stackFit.ts';
import { driverNarration } from './driverNarration.ts';
import { LANGUAGE_INFO } from './languageInfo.ts';
import { LANGUAGE_PROFILES, languageProfile } from './languages.ts';

describe('language profiles', () => {
  /** One of each answer the app can give, for the wire checks below. */
  const ANSWERS: readonly Answer[] = [
    { kind: 'product', product: { id: 42 } },
    { kind: 'notModified', product: { id: 42 } },
    { kind: 'list', items: [{ id: 42 }] },
    { kind: 'created', review: { id: 1 }, location: '/api/products/42/reviews/1' },
    { kind: 'notFound' },
    { kind: 'badId', value: 'abc' },
    { kind: 'unauthorized', challenge: 'Bearer' },
    { kind: 'invalid', body: jsonBody('{"rating":9}'), badId: null },
    { kind: 'noRoute', allowed: [] },
  ];
  const REQUEST = httpRequest('GET', '/api/products/42', [['Host', 'shop.example']]);

  it.each(LANGUAGES.map((l) => [l, LANGUAGE_PROFILES[l]] as const))(
    '%s: names, port, drivers and headers',
    (lang, p) => {
      expect(p.id).toBe(lang);
      expect(p.label).not.toBe(lang === 'php' || lang === 'go' ? '' : lang);
      expect(p.syntax).toBe(
        {
          node: 'javascript',
          python: 'python',
          java: 'java',
          ruby: 'ruby',
          go: 'go',
          php: 'php',
          cpp: 'cpp',
        }[lang],
      );
      expect(p.framework).not.toBe(lang);
      expect(p.port).toBe(
        { node: 3000, python: 8000, java: 8080, ruby: 3000, go: 8080, php: 8000, cpp: 5555 }[lang],
      );
      for (const db of DATABASES) expect(p.drivers[db]).not.toBe('');
      // What the framework and its server write: each header well formed, none written twice.
      for (const answer of ANSWERS) {
        const { headers } = p.response.respond(answer, REQUEST, 0);
        for (const [name, value] of headers) {
          expect(name).toMatch(/^[A-Za-z0-9-]+$/);
          expect(value).toMatch(/^[\x20-\x7e]*$/);
        }
        const names = headers.map(([n]) => n.toLowerCase());
        expect(new Set(names).size, `${lang} ${answer.kind}: ${names.join(', ')}`).toBe(names.length);
      }
    },
  );

  it('says what the driver hands over in each language’s own words', () => {
    expect(driverNarration(languageProfile('node'), 'postgres', 1)).toBe(
      'The driver turns it into a JavaScript object for the handler.',
    );
    expect(driverNarration(languageProfile('python'), 'mongodb', 2)).toBe(
      'The driver turns them into Python dicts for the handler.',
    );
    expect(driverNarration(languageProfile('go'), 'mysql', 'inserted')).toBe(
      'The driver hands the new row’s id to the handler.',
    );
    expect(driverNarration(languageProfile('java'), 'mongodb', 'inserted')).toMatch(/_id before sending it/);
    expect(driverNarration(languageProfile('ruby'), 'postgres', 0)).toBe(
      'The driver hands the handler an empty result.',
    );
    for (const lang of LANGUAGES) {
      for (const db of DATABASES)
        expect(driverNarration(languageProfile(lang), db, 1)).not.toMatch(
          /Node\.js|\bGo objects|node objects/,
        );
    }
  });
});

describe('code in the timeline', () => {
  // The app's steps that show the running line; none may lose its code on any scenario or stack.
  const CODE_STEPS =
    /^(server-(route|bad-id|auth|validate|respond|not-modified|not-found)|cache-(get|set)|db-checkout)$/;

  it('every step inside the handler shows its line, on every scenario and stack', () => {
    let checked = 0;
    for (const scenario of SCENARIOS) {
      for (const lang of LANGUAGES) {
        for (const db of DATABASES) {
          if (unavailableReason(scenario, { lang, db }) !== null) continue;
          for (const step of buildTimeline(scenario, { lang, db }).steps) {
            if (!CODE_STEPS.test(step.id)) continue;
            const where = `${scenario.id} ${lang}+${db} ${step.id}`;
            expect(step.message.protocol, where).toBe('internal');
            const code = step.message.protocol === 'internal' ? step.message.code : undefined;
            expect(code, `${where} lost its code`).toBeDefined();
            if (code) {
              expect(code.source.split('\n')[code.line - 1]?.trim(), where).not.toBe('');
              if (step.id.startsWith('server-'))
                expect(step.message.text, where).toBe(code.source.split('\n')[code.line - 1]?.trim());
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(SCENARIOS.length * 18);
  });
});

describe('LANGUAGE_INFO', () => {
  it.each(LANGUAGES)('names %s as its profile does', (lang) => {
    const { label, framework } = languageProfile(lang);
    expect(LANGUAGE_INFO[lang]).toEqual({ label, framework });
  });
});
