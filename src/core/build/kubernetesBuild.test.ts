import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../engine/buildTimeline.ts';
import type { Timeline } from '../model/timeline.ts';
import { ADDRESS } from '../world/world.ts';
import { decodeBuild } from './buildCode.ts';
import { builtScenario } from './builtScenario.ts';

const play = (code: string, lang: 'node' | 'go' = 'node'): Timeline => {
  const d = decodeBuild(code);
  if (!d.ok) throw new Error(d.problem);
  return buildTimeline(builtScenario(d.spec), { lang, db: 'postgres' });
};
const step = (t: Timeline, id: string) => t.steps.find((s) => s.id === id);
const text = (t: Timeline, id: string): string => step(t, id)?.message.text ?? '';

describe('Kubernetes in the builder', () => {
  it('k8s behind a CDN, users far away, the database gone: the new pod fails its probe, a ready one hangs, ingress-nginx answers 504', () => {
    const t = play('v1.k8s.cdn.far.fault-db-timeout');
    expect(t.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['cdn', 'proxy', 'pod-1', 'pod-2', 'pod-3', 'coredns', 'db']),
    );
    expect(t.nodes.find((n) => n.id === 'proxy')?.kind).toBe('ingress-controller');
    // Cluster DNS to the database, the Service's DNAT, then no SYN-ACK: the probe times out after 1 s.
    const ids = t.steps.map((s) => s.id);
    expect(ids.slice(0, 5)).toEqual([
      'pod-readiness-probe',
      'cluster-dns-query',
      'cluster-dns-answer',
      'kube-proxy-dnat',
      'pod-probe-failed',
    ]);
    expect(text(t, 'pod-probe-failed')).toContain(
      'Readiness probe failed: Get "http://10.244.1.17:8080/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    );
    // The CDN misses and fetches from the ingress, which sends to a ready pod (not pod-1).
    expect(ids).toContain('cdn-miss');
    expect(step(t, 'proxy-forward')?.to).toBe('pod-2');
    const forwarded = text(t, 'proxy-forward');
    expect(forwarded).toContain(`X-Forwarded-For: ${ADDRESS.cdn}\r\n`);
    expect(forwarded).toContain(`X-Original-Forwarded-For: ${ADDRESS.browser}\r\n`);
    // The pod's query is retransmitted into the void; after the Ingress's 3 s, ingress-nginx's own 504.
    expect(ids).toEqual(expect.arrayContaining(['db-write', 'db-retransmit-3', 'ingress-timeout']));
    const sent = step(t, 'proxy-forward');
    const timeout = step(t, 'ingress-timeout');
    expect((timeout?.startMs ?? 0) - ((sent?.startMs ?? 0) + (sent?.durationMs ?? 0))).toBeGreaterThanOrEqual(
      2990,
    );
    expect(t.outcome.status).toBe(504);
    const toCdn = text(t, 'cdn-origin-response');
    expect(toCdn).toMatch(/^HTTP\/1\.1 504 Gateway Time-out\r\n/);
    expect(toCdn).not.toContain('Server:');
    expect(toCdn).toContain('Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n');
    expect(toCdn).toContain('<hr><center>nginx</center>');
  });

  it('no ready pod: ingress-nginx answers 503 at once and no request reaches a pod', () => {
    const t = play('v1.k8s.fault-pods-unready');
    expect(t.outcome.status).toBe(503);
    expect(t.steps.some((s) => s.id === 'proxy-forward' || s.id.startsWith('pod-'))).toBe(false);
    expect(text(t, 'ingress-no-endpoint')).toContain(
      'Service "default/shop-api" does not have any active Endpoint.',
    );
    const response = t.steps.find(
      (s) => s.from === 'proxy' && s.to === 'browser' && s.message.protocol === 'http',
    );
    expect(response?.message.text).toMatch(/^HTTP\/1\.1 503 Service Temporarily Unavailable\r\n/);
    expect(response?.message.text).toContain('<title>503 Service Temporarily Unavailable</title>');
  });

  it('a load balancer with k8s is that many pods behind the Service: no HAProxy, no app-N', () => {
    const t = play('v1.lb4.k8s.cache.continent');
    expect(t.nodes.filter((n) => n.kind === 'pod')).toHaveLength(4);
    expect(t.nodes.some((n) => /^app-\d$/.test(n.id))).toBe(false);
    expect(t.outcome.status).toBe(200);
  });

  it('a pod whose handler panics on Go closes the connection: ingress-nginx answers 502, without trying another pod', () => {
    const t = play('v1.k8s.fault-app-crash', 'go');
    expect(t.outcome.status).toBe(502);
    expect(text(t, 'ingress-bad-gateway')).toContain('upstream prematurely closed connection');
    expect(t.steps.filter((s) => s.id === 'proxy-forward')).toHaveLength(1);
  });
});
