// Each stack's connection pool is the size its driver really defaults to, read from the drivers' own source
// and documentation: node-postgres Pool max 10 (pg-pool), mysql2 connectionLimit 10, HikariCP
// maximumPoolSize 10, asyncpg create_pool max_size 10, MySQL Connector/Python pool_size 5, Rails'
// generated database.yml RAILS_MAX_THREADS { 5 }, the mongo gem's ConnectionPool DEFAULT_MAX_SIZE 20, the
// other MongoDB drivers' maxPoolSize 100, pgxpool max(4, runtime.NumCPU()), database/sql no limit
// (MaxOpenConns 0), Drogon's DbClient number_of_connections 1 (ConfigLoader.cc, v1.9.13), mongocxx::pool
// maxPoolSize 100; PHP's PDO has no pool: an Octane worker keeps its own connection.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, buildTimeline } from '../../src/core/index.ts';
import type { Stack } from '../../src/core/index.ts';
import { APP_CPUS } from '../../src/core/world/world.ts';
import { STACKS, stackName } from './timelines.ts';

const DEFAULTS: Readonly<Record<string, number | 'no limit' | 'worker'>> = {
  'node+postgres': 10,
  'node+mysql': 10,
  'node+mongodb': 100,
  'python+postgres': 10,
  'python+mysql': 5,
  'python+mongodb': 100,
  'java+postgres': 10,
  'java+mysql': 10,
  'java+mongodb': 100,
  'ruby+postgres': 5,
  'ruby+mysql': 5,
  'ruby+mongodb': 20,
  'go+postgres': Math.max(4, APP_CPUS),
  'go+mysql': 'no limit',
  'go+mongodb': 100,
  'php+postgres': 'worker',
  'php+mysql': 'worker',
  'php+mongodb': 'worker',
  'cpp+postgres': 1,
  'cpp+mysql': 1,
  'cpp+mongodb': 100,
};

const firstVisit = SCENARIOS.find((s) => s.id === 'first-visit');

describe('connection pools', () => {
  it.each(STACKS.map((stack) => [stackName(stack), stack] as const))(
    '%s: the checkout shows the driver’s real pool size',
    (name, stack: Stack) => {
      if (!firstVisit) throw new Error('no first-visit scenario');
      const t = buildTimeline(firstVisit, stack);
      const checkout = t.steps.find((s) => s.id === 'db-checkout');
      const expected = DEFAULTS[name];
      expect(expected, `${name} has a known default`).toBeDefined();
      const value = checkout?.changes?.find((c) => c.key === 'db pool' || c.key === 'db connection')?.value;
      if (expected === 'worker') expect(value, name).toBe('in use by this request');
      else if (expected === 'no limit') expect(value, name).toBe('1 in use (no limit)');
      else {
        expect(value, name).toBe(`1 of ${expected} in use`);
        expect(checkout?.narration, name).toContain(
          `at most ${expected} connection${expected === 1 ? '' : 's'}`,
        );
      }
    },
  );
});
