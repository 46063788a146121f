import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGES, buildTimeline, playback, scenarioById } from '../index.ts';
import type { Database, Scenario, Stack, Timeline } from '../index.ts';

const get = (id: string): Scenario => {
  const s = scenarioById(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};
const STACKS: Stack[] = LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db })));
const execute = (t: Timeline) => {
  const step = t.steps.find((s) => s.id === 'db-execute');
  if (!step) throw new Error(`${t.scenario}: no db-execute step`);
  return step;
};

/** What each database's own EXPLAIN shows for the scan of the 2,000,000 products (tests/truth checks the text). */
const SCAN_PLAN: Readonly<Record<Database, readonly RegExp[]>> = {
  postgres: [
    /^Gather {2}\(cost=1000\.00\.\.28083\.77 rows=1 width=36\)$/m,
    /^ {2}Workers Planned: 2$/m,
    /^ {2}-> {2}Parallel Seq Scan on products {2}\(cost=0\.00\.\.27083\.67 rows=1 width=36\)$/m,
  ],
  mysql: [/^ +type: ALL$/m, /^ +rows: 199\d{4}$/m],
  mongodb: [/stage: 'COLLSCAN'/, /^executionStats\.totalDocsExamined: 2000000$/m],
};

describe('slow-query against indexed-query, on a table of 2,000,000 products', () => {
  it.each(STACKS.map((s) => [`${s.lang}+${s.db}`, s] as const))(
    '%s: the scan is hundreds of milliseconds, its plan shows the big table, and the index lookup stays under a millisecond',
    (_name, stack) => {
      const slow = buildTimeline(get('slow-query'), stack);
      const fast = buildTimeline(get('indexed-query'), stack);
      expect(slow.totalMs - fast.totalMs).toBeGreaterThan(200);
      expect(execute(slow).durationMs).toBeGreaterThan(200);
      expect(execute(fast).durationMs).toBeLessThan(1);
      for (const line of SCAN_PLAN[stack.db]) expect(execute(slow).message.text).toMatch(line);
      expect(execute(slow).title).toMatch(/scan of 2,000,000 (rows|documents)$/);
      expect(execute(slow).narration).toContain('2,000,000');
      expect(slow.initialState['db']?.['products']).toMatch(/^2,000,000 (rows|documents), no index on sku$/);
    },
  );

  it('PostgreSQL shares the scan among its leader and two workers, so it is about a third of MySQL’s single thread', () => {
    const scan = (db: Database) => execute(buildTimeline(get('slow-query'), { lang: 'node', db })).durationMs;
    expect(scan('postgres')).toBeGreaterThan(200);
    expect(scan('postgres')).toBeLessThan(scan('mysql') / 2.5);
    expect(execute(buildTimeline(get('slow-query'), { lang: 'node', db: 'postgres' })).narration).toMatch(
      /2 parallel workers/,
    );
  });

  it('MySQL’s narration says its EXPLAIN rows is an estimate, the scan reading every row all the same', () => {
    const t = buildTimeline(get('slow-query'), { lang: 'php', db: 'mysql' });
    expect(execute(t).narration).toMatch(/EXPLAIN's rows, 1,99\d,\d{3}, is InnoDB's estimate/);
    expect(execute(t).narration).toContain('2,000,000 rows examined');
  });

  it('the PostgreSQL index lookup says how deep the B-tree on 2,000,000 rows is', () => {
    const t = buildTimeline(get('indexed-query'), { lang: 'go', db: 'postgres' });
    expect(execute(t).narration).toContain('3 levels for 2,000,000 rows');
  });

  it('at real pace the scan fills most of the waterfall and of the wall time; the index lookup is a sliver', () => {
    const slow = buildTimeline(get('slow-query'), { lang: 'node', db: 'postgres' });
    const fast = buildTimeline(get('indexed-query'), { lang: 'node', db: 'postgres' });
    const real = { ...playback.initialPlayback(), pace: 'real' as const };
    expect(playback.stepWallMs(real, execute(slow))).toBeGreaterThan(200);
    expect(execute(slow).durationMs / slow.totalMs).toBeGreaterThan(0.8);
    expect(execute(fast).durationMs / fast.totalMs).toBeLessThan(0.01);
  });
});
