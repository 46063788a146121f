import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyBuildSpec, buildSpec, EXAMPLE_BUILDS } from '../../../tests/support/buildSpecs.ts';
import { buildTimeline } from '../engine/buildTimeline.ts';
import { parseHash } from '../link/parseHash.ts';
import { formatHash } from '../link/formatHash.ts';
import { DEFAULT_LINK } from '../link/LinkState.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import type { Stack } from '../model/stack.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { decodeBuild, encodeBuild } from './buildCode.ts';
import { buildOf } from './buildOf.ts';
import { buildProblems } from './buildProblems.ts';
import { builtScenario } from './builtScenario.ts';
import { settleBuild } from './settleBuild.ts';
import type { BuildSpec } from './BuildSpec.ts';
import { DEFAULT_PODS } from './BuildSpec.ts';

const stack = fc.constantFrom(...LANGUAGES.flatMap((lang) => DATABASES.map((db): Stack => ({ lang, db }))));
const decoded = (code: string): BuildSpec => {
  const d = decodeBuild(code);
  if (!d.ok) throw new Error(`${code}: ${d.problem}`);
  return d.spec;
};

describe('a build code', () => {
  it('round-trips every builder output: decode(encode(spec)) is the spec, and the link carries it unchanged', () => {
    fc.assert(
      fc.property(buildSpec, (spec) => {
        const code = encodeBuild(spec);
        expect(decodeBuild(code)).toEqual({ ok: true, spec });
        expect(code.length, code).toBeLessThanOrEqual(140);
        const link = { ...DEFAULT_LINK, build: code };
        expect(parseHash(formatHash(link))).toEqual({ state: link, problems: [] });
        expect(builtScenario(decoded(code))).toEqual(builtScenario(spec));
      }),
      { numRuns: 500 },
    );
  });

  it('reads its parts in any order and writes them back in the canonical one', () => {
    expect(encodeBuild(decoded('v1.fault-db-timeout.far.cdn.lb3'))).toBe('v1.lb3.cdn.far.fault-db-timeout');
  });

  it('is refused, with a sentence naming the part, when a part is unknown, repeated or clashes', () => {
    const problem = (code: string) => {
      const d = decodeBuild(code);
      return d.ok ? null : d.problem;
    };
    expect(problem('v2.lb3')).toBe('unknown version "v2" (this player reads v1)');
    expect(problem('lb3.cdn')).toBe('unknown version "lb3" (this player reads v1)');
    expect(problem('v1.lb9')).toBe('unknown part "lb9"');
    expect(problem('v1.lb3.k9s')).toBe('unknown part "k9s"');
    expect(problem('v1.k8s.k8s')).toBe('"k8s" sets k8s a second time');
    expect(problem('v1.k8s.fault-lb-none')).toBe(
      "fault-lb-none is HAProxy's health checks; on Kubernetes choose fault-pods-unready",
    );
    expect(problem('v1.fault-pods-unready')).toBe('fault-pods-unready needs Kubernetes (k8s)');
    expect(problem('v1.cdn..far')).toBe('unknown part ""');
    expect(problem('v1.far.sat')).toBe('"sat" sets place a second time');
    expect(problem('v1.fault-lb-none')).toBe('fault-lb-none needs a load balancer (lb2…lb8)');
    expect(problem('v1.warm-conn.fault-net-loss')).toBe(
      'fault-net-loss needs a new connection (drop warm-conn)',
    );
    expect(problem(`v1.${'cdn.'.repeat(60)}`)).toBe('longer than 200 characters');
  });

  it('never throws on any text, and what it accepts is a spec without problems', () => {
    const token = fc.constantFrom(
      'v1',
      'lb3',
      'lb1',
      'cdn',
      'far',
      'warm-cdn',
      'fault-db-slow',
      'fault-',
      '',
      'x',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(token, { maxLength: 8 }).map((t) => t.join('.')),
        ),
        (code) => {
          const d = decodeBuild(code);
          if (d.ok) expect(buildProblems(d.spec)).toEqual([]);
          else expect(d.problem.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('every builder output', () => {
  it('is a scenario the engine plays on any stack, its id its own code', () => {
    fc.assert(
      fc.property(buildSpec, stack, (spec, st) => {
        const scenario = builtScenario(spec);
        expect(scenario.id).toBe(encodeBuild(spec));
        const t = buildTimeline(scenario, st);
        expect(t.steps.at(-1)?.to).toBe('browser');
        const replicas = t.nodes.filter((n) => /^app-\d$/.test(n.id));
        const pods = t.nodes.filter((n) => n.kind === 'pod');
        expect(replicas).toHaveLength(spec.kubernetes ? 0 : spec.replicas);
        expect(pods).toHaveLength(spec.kubernetes ? spec.replicas || DEFAULT_PODS : 0);
        expect(t.nodes.some((n) => n.id === 'cdn')).toBe(spec.cdn);
      }),
      { numRuns: 300 },
    );
  });

  it('clashes are exactly what buildProblems names: any other combination builds', () => {
    fc.assert(
      fc.property(anyBuildSpec, (spec) => {
        if (buildProblems(spec).length === 0) expect(() => builtScenario(spec)).not.toThrow();
        else expect(decodeBuild(encodeBuild(spec)).ok).toBe(false);
      }),
    );
  });

  it('after any change, settleBuild keeps the parts, place and request and drops only what clashes', () => {
    fc.assert(
      fc.property(anyBuildSpec, (spec) => {
        const settled = settleBuild(spec);
        expect(buildProblems(settled)).toEqual([]);
        const { request, https, cdn, appCache, replicas, user } = spec;
        expect(settled).toMatchObject({ request, https, cdn, appCache, replicas, user });
        if (buildProblems(spec).length === 0) expect(settled).toBe(spec);
      }),
    );
  });

  it('starting from a built-in scenario gives choices that build; starting from a build gives the build', () => {
    for (const s of SCENARIOS) expect(buildProblems(buildOf(s)), s.id).toEqual([]);
    // One proxy and one app server stay that: no replicas, no cluster appear.
    expect(buildOf(SCENARIOS.find((s) => s.id === 'first-visit') ?? SCENARIOS[0]!)).toMatchObject({
      replicas: 0,
      kubernetes: false,
    });
    fc.assert(
      fc.property(buildSpec, (spec) => {
        expect(buildOf(builtScenario(spec))).toEqual(spec);
      }),
    );
  });
});

describe('a link built today opens the same scenario later', () => {
  // Fixed codes and what they must keep meaning: a later version may add parts, never change these.
  it('v1.lb3.cdn.far.fault-db-timeout: three replicas behind a CDN, users in São Paulo, the database unreachable', () => {
    const s = builtScenario(decoded('v1.lb3.cdn.far.fault-db-timeout'));
    expect(s).toEqual({
      id: 'v1.lb3.cdn.far.fault-db-timeout',
      title:
        'Custom: Load balancer (3 replicas) · CDN · users: other continent · Database unreachable: timeout',
      teaches:
        'A journey you built: load balancer (3 replicas) · CDN · users: other continent · Database unreachable: timeout.',
      seed: 1414,
      request: { method: 'GET', url: 'https://shop.example/api/products/42', headers: [], body: '' },
      topology: {
        cdn: true,
        appCache: false,
        balancer: { replicas: 3, algorithm: 'roundrobin', failing: [], inFlight: [], next: 1 },
        user: 'other-continent',
      },
      start: {
        browserDns: false,
        resolverCache: 'cold',
        connection: 'none',
        browserHttpCache: 'empty',
        appCache: 'empty',
        cdnCache: 'empty',
      },
      skuIndex: false,
      faults: {
        certificateExpired: false,
        database: 'unreachable',
        appDown: false,
        handlerBug: false,
        packetLoss: false,
        databaseSlow: false,
      },
      requests: 1,
    });
    const t = buildTimeline(s, { lang: 'node', db: 'postgres' });
    expect(t.nodes.map((n) => n.id)).toEqual([
      'browser',
      'stub',
      'resolver',
      'root',
      'tld',
      'auth',
      'cdn',
      'proxy',
      'app-1',
      'app-2',
      'app-3',
      'db',
    ]);
    expect(t.outcome.status).toBe(504);
    expect(t.steps.some((step) => step.id === 'balancer-timeout')).toBe(true);
  });

  it.each([
    ['v1.lb4.fault-lb-replica', 200, 'app-3'],
    ['v1.lb2.cache.fault-lb-none', 503, null],
    ['v1.lb3.fault-app-crash', 500, 'app-1'],
    ['v1.sku.index.city.fault-net-loss', 200, null],
    ['v1.css.lb2.cdn.sat.warm-resolver.warm-cdn', 200, null],
  ] as const)('%s answers %i (its request reaching %s)', (code, status, replica) => {
    const t = buildTimeline(builtScenario(decoded(code)), { lang: 'node', db: 'postgres' });
    expect(t.outcome.status).toBe(status);
    const forward = t.steps.find((s) => s.id === 'proxy-forward');
    expect(forward?.to ?? null).toBe(replica ?? (forward ? 'app' : null));
  });

  it('every code written before Kubernetes joined still means what it meant: no cluster, the same scenario', () => {
    // The codes of the builder's first release (EXAMPLE_BUILDS then), each with the parts its scenario had.
    const before = EXAMPLE_BUILDS.slice(0, 13);
    expect(before.some((code) => code.includes('k8s') || code.includes('dc-'))).toBe(false);
    for (const code of before) {
      const spec = decoded(code);
      expect(spec.kubernetes, code).toBe(false);
      expect(spec.servers, code).toBe('frankfurt');
      const s = builtScenario(spec);
      expect(s.topology.kubernetes, code).toBeUndefined();
      expect(s.topology.balancer?.replicas ?? 0, code).toBe(spec.replicas);
      expect(Object.keys(s.topology).sort(), code).toEqual(
        ['appCache', 'cdn', ...(spec.replicas ? ['balancer'] : []), ...(spec.user ? ['user'] : [])].sort(),
      );
    }
  });

  it('every example code the truth tests play decodes to itself', () => {
    for (const code of EXAMPLE_BUILDS) expect(encodeBuild(decoded(code))).toBe(code);
  });
});
