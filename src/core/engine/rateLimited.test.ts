import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGES, buildTimeline, scenarioById } from '../index.ts';
import type { Scenario, Stack } from '../index.ts';

const STACKS: Stack[] = LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db })));
const scenario = scenarioById('rate-limited')!;

describe('rate-limited: nginx’s limit_req refuses a client over its burst', () => {
  it.each(STACKS.map((s) => [`${s.lang}+${s.db}`, s] as const))(
    'on %s nginx answers 429 with Retry-After itself and the app never sees the request',
    (_, stack) => {
      const t = buildTimeline(scenario, stack);
      const ids = t.steps.map((s) => s.id);
      expect(ids).toContain('proxy-rate-limited');
      expect(ids).not.toContain('proxy-forward');
      expect(t.steps.some((s) => s.from === 'app' || s.to === 'app')).toBe(false);
      const response = t.steps.find((s) => s.id === 'http-response-429')!.message;
      expect(response.protocol === 'http' && response.http.headers).toContainEqual(['Retry-After', '1']);
      expect(t.outcome).toMatchObject({ ok: false, status: 429 });
    },
  );

  it('lets a request through while the bucket’s excess is within the burst', () => {
    const within: Scenario = { ...scenario, rateLimit: { ...scenario.rateLimit!, excess: 19.7 } };
    const t = buildTimeline(within, STACKS[0]!);
    expect(t.steps.map((s) => s.id)).toContain('proxy-forward');
    expect(t.outcome.status).toBe(200);
  });
});
