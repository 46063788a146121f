import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../engine/buildTimeline.ts';
import { nodeStateAt } from '../engine/nodeStateAt.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import type { Database, Language } from '../model/stack.ts';
import type { KubernetesSpec, Scenario } from '../model/scenario.ts';
import { headerValue } from '../protocols/http.ts';
import { endpointChain, iptablesProbability, kubeProxyRules, serviceChain } from '../protocols/kubeProxy.ts';
import { kubernetes } from '../scenarios/kubernetes.ts';
import { rollingDeploy } from '../scenarios/rollingDeploy.ts';
import { IMAGES, podIp } from './cluster.ts';
import { pickPod } from './serveAtIngress.ts';
import { VERSION_HEADER } from './versionHeader.ts';

const stack = { lang: 'node', db: 'postgres' } as const;
const withPods = (spec: KubernetesSpec): Scenario => ({
  ...rollingDeploy,
  topology: { ...rollingDeploy.topology, kubernetes: spec },
});

/** The pod each forwarded request went to, and the commit its answer carried. */
function answers(scenario: Scenario, lang: Language = 'node', db: Database = 'postgres') {
  const t = buildTimeline(scenario, { lang, db });
  return t.steps
    .filter((s) => s.id.startsWith('app-response-'))
    .map((s) => {
      const http = s.message.protocol === 'http' ? s.message.http : null;
      return { pod: s.from, commit: http ? headerValue(http.headers, VERSION_HEADER) : undefined };
    });
}

describe('kube-proxy’s rules', () => {
  it('name chains as kube-proxy does: its own test’s ns1/svc1:p80 and endpoint 10.180.0.1:80', () => {
    // pkg/proxy/iptables/proxier_test.go expects KUBE-SVC-XPGD46QRK7WJZT7O and KUBE-SEP-SXIVWICOYRO3J4NJ.
    expect(serviceChain('ns1/svc1:p80')).toBe('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(endpointChain('ns1/svc1:p80', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
  });

  it('give each of n endpoints its share: 1/n, then 1/(n-1) of the rest, the last one unconditionally', () => {
    expect([3, 2].map(iptablesProbability)).toEqual(['0.33333333349', '0.50000000000']);
    const rules = kubeProxyRules({
      servicePortName: 'default/shop-api:http',
      clusterIp: '10.96.118.42',
      port: 80,
      endpoints: ['10.244.1.17:8080', '10.244.2.17:8080', '10.244.1.23:8080'],
    });
    const jumps = rules.filter((r) => r.startsWith(`-A ${serviceChain('default/shop-api:http')} -m comment`));
    expect(jumps.map((r) => /--probability (\S+)/.exec(r)?.[1] ?? 'always')).toEqual([
      '0.33333333349',
      '0.50000000000',
      'always',
    ]);
    expect(rules.filter((r) => r.includes('-j DNAT --to-destination'))).toHaveLength(3);
  });
});

describe('the kubernetes scenario', () => {
  it('places ingress-nginx at the public address, three pods, and CoreDNS for the pod that looks a name up', () => {
    const t = buildTimeline(kubernetes, stack);
    expect(t.nodes.find((n) => n.id === 'proxy')?.kind).toBe('ingress-controller');
    expect(t.nodes.filter((n) => n.kind === 'pod').map((n) => n.address)).toEqual(
      ['pod-1', 'pod-2', 'pod-3'].map(podIp),
    );
    expect(t.links).toContainEqual(expect.objectContaining({ from: 'pod-1', to: 'coredns' }));
    expect(t.initialState['pod-1']?.['image']).toBe('shop-api:1.4.2');
  });

  it.each(DATABASES)(
    'on %s the pod resolves its database Service through the search path, then the kernel DNATs it',
    (db) => {
      const t = buildTimeline(kubernetes, { ...stack, db });
      const query = t.steps.find((s) => s.id === 'cluster-dns-query');
      expect(query?.message.protocol === 'dns' && query.message.dns.question.name).toBe(
        `${db}.default.svc.cluster.local.`,
      );
      const dnat = t.steps.find((s) => s.id === 'kube-proxy-dnat');
      expect(dnat?.from).toBe(dnat?.to);
      expect(dnat?.message.text).toMatch(/-j DNAT --to-destination 10\.0\.0\.41:\d+$/m);
    },
  );

  it('sends nothing to the starting pod before its readiness probe passes, then the request to it', () => {
    const t = buildTimeline(kubernetes, stack);
    const ready = t.steps.findIndex((s) => s.id === 'pod-ready');
    const forward = t.steps.findIndex((s) => s.id === 'proxy-forward');
    expect(nodeStateAt(t, 0)['pod-1']?.['ready']).toMatch(/^Not ready:/);
    expect(ready).toBeGreaterThan(-1);
    expect(forward).toBeGreaterThan(ready);
    expect(t.steps[forward]?.to).toBe('pod-1');
    expect(nodeStateAt(t, ready)['pod-1']?.['ready']).toMatch(/^Ready:/);
  });
});

describe('the rolling deploy', () => {
  it('is a state RollingUpdate allows: at most replicas + 25% pods, at least replicas − 25% ready', () => {
    const spec = rollingDeploy.topology.kubernetes;
    if (!spec) throw new Error('no cluster');
    const surge = Math.ceil(spec.replicas * 0.25);
    const unavailable = Math.floor(spec.replicas * 0.25);
    expect(spec.pods.length).toBeLessThanOrEqual(spec.replicas + surge);
    expect(spec.pods.filter((p) => p.ready).length).toBeGreaterThanOrEqual(spec.replicas - unavailable);
  });

  it.each(LANGUAGES)(
    'on %s the repeated requests land on old and new pods, each answer naming its build',
    (lang) => {
      const got = answers(rollingDeploy, lang);
      expect(got).toHaveLength(3);
      const commits = new Set(got.map((a) => a.commit));
      expect(commits).toEqual(new Set([IMAGES['1.4.2'].commit, IMAGES['1.5.0'].commit]));
      for (const a of got) {
        const image = rollingDeploy.topology.kubernetes?.pods[Number(a.pod.slice(4)) - 1]?.image;
        expect(a.commit).toBe(image && IMAGES[image].commit);
      }
    },
  );

  it('never sends a request to a pod that is not ready, whatever the pods and the turn', () => {
    const pod = fc.record({
      image: fc.constantFrom('1.4.2' as const, '1.5.0' as const),
      ready: fc.boolean(),
      restarts: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(pod, { minLength: 1, maxLength: 6 }), fc.nat(5), (pods, turn) => {
        fc.pre(pods.some((p) => p.ready));
        const spec: KubernetesSpec = {
          replicas: pods.length,
          pods,
          podStarting: false,
          next: (turn % pods.length) + 1,
        };
        for (const a of answers(withPods(spec)))
          expect(spec.pods[Number(a.pod.slice(4)) - 1]?.ready).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('round robin takes the ready pods in turn from the next one', () => {
    const ids = ['pod-1', 'pod-2', 'pod-3', 'pod-4'];
    expect([0, 1, 2, 3].map((n) => pickPod(ids, [1, 2, 4], 2, n))).toEqual([
      'pod-2',
      'pod-4',
      'pod-1',
      'pod-2',
    ]);
    expect(pickPod(ids, [], 1, 0)).toBeNull();
  });
});
