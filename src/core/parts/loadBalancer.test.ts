import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../engine/buildTimeline.ts';
import { nodeStateAt } from '../engine/nodeStateAt.ts';
import type { BalancerSpec, Scenario } from '../model/scenario.ts';
import { loadBalanced } from '../scenarios/loadBalanced.ts';

const stack = { lang: 'node', db: 'postgres' } as const;
const withBalancer = (balancer: BalancerSpec): Scenario => ({
  ...loadBalanced,
  topology: { ...loadBalanced.topology, balancer },
});

describe('the load balancer and its replicas', () => {
  it('places the balancer and one node per replica, each linked to it and to the database', () => {
    const t = buildTimeline(loadBalanced, stack);
    const replicas = t.nodes.filter((n) => n.kind === 'app-server').map((n) => n.id);
    expect(replicas).toEqual(['app-1', 'app-2', 'app-3']);
    for (const id of replicas) {
      expect(t.links).toContainEqual(expect.objectContaining({ from: 'proxy', to: id }));
      expect(t.links).toContainEqual(expect.objectContaining({ from: id, to: 'db' }));
    }
    expect(t.nodes.find((n) => n.id === 'proxy')?.role).toMatch(/^HAProxy 2\.6 load balancer/);
  });

  it('checks every replica, takes app-2 out of rotation, and sends the request to app-3', () => {
    const t = buildTimeline(loadBalanced, stack);
    expect(t.steps.filter((s) => s.id.startsWith('health-check')).map((s) => s.to)).toEqual([
      'app-1',
      'app-2',
      'app-3',
    ]);
    const verdict = t.steps.find((s) => s.id === 'health-verdict');
    expect(verdict?.message.text).toMatch(
      /^Server app\/app-2 is DOWN, reason: Layer7 wrong status, code: 503/,
    );
    const state = nodeStateAt(t, verdict?.index ?? 0);
    expect(state['proxy']?.['server app-2']).toMatch(/^DOWN/);
    expect(state['proxy']?.['server app-1']).toBe('UP · 2 in flight');
    expect(state['app-2']?.['health']).toMatch(/^DOWN/);
    const forward = t.steps.find((s) => s.id === 'proxy-forward');
    expect(forward?.to).toBe('app-3');
    expect(nodeStateAt(t, forward?.index ?? 0)['app-3']?.['in flight']).toBe('2 in flight');
    expect(t.outcome.status).toBe(200);
  });

  it('answers 503 itself when no replica is up, and no request reaches a replica', () => {
    const t = buildTimeline(withBalancer({ ...loadBalanced.topology.balancer!, failing: [1, 2, 3] }), stack);
    expect(t.outcome.status).toBe(503);
    expect(t.steps.some((s) => s.id === 'proxy-forward')).toBe(false);
    expect(t.steps.find((s) => s.id === 'http-response-503')?.message.text).toContain(
      'No server is available to handle this request.',
    );
  });

  it('sends no request to a replica after it failed its checks, for any replicas, failures and algorithm', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((replicas) =>
          fc.record({
            replicas: fc.constant(replicas),
            algorithm: fc.constantFrom('roundrobin' as const, 'leastconn' as const),
            next: fc.integer({ min: 1, max: replicas }),
            inFlight: fc.array(fc.nat(9), { minLength: replicas, maxLength: replicas }),
            failing: fc.subarray(Array.from({ length: replicas }, (_, i) => i + 1)),
          }),
        ),
        (balancer) => {
          const t = buildTimeline(withBalancer(balancer), stack);
          const verdict = t.steps.findIndex((s) => s.id === 'health-verdict');
          const down = new Set(balancer.failing.map((n) => `app-${n}`));
          const after = t.steps.slice(verdict + 1);
          expect(after.filter((s) => down.has(s.to) || down.has(s.from))).toEqual([]);
          expect(t.outcome.status).toBe(balancer.failing.length === balancer.replicas ? 503 : 200);
        },
      ),
      { numRuns: 60 },
    );
  });
});
