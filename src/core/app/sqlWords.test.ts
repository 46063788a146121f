import { describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../index.ts';

describe('a MySQL statement sent as text', () => {
  it.each([
    ['ruby', /^Active Record's mysql2 adapter /],
    ['cpp', /^Drogon’s MySQL client /],
  ] as const)('on %s the narration names the library that writes the values in', (lang, who) => {
    const t = buildTimeline(scenarioById('post-create')!, { lang, db: 'mysql' });
    const insert = t.steps.find((s) => s.id === 'db-query')!;
    expect(insert.message.text).toMatch(/^INSERT INTO reviews .* VALUES \(42, 5, '/);
    expect(insert.narration).toMatch(who);
    expect(insert.narration).toContain('one COM_QUERY');
    if (lang === 'cpp') expect(insert.narration).not.toContain('Active Record');
  });
});
