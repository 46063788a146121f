import { describe, expect, it } from 'vitest';
import { loadBalanced } from '../scenarios/loadBalanced.ts';
import { rollingDeploy } from '../scenarios/rollingDeploy.ts';
import { buildTimeline } from './buildTimeline.ts';
import { nodeBadges } from './nodeBadges.ts';
import { nodeStateAt } from './nodeStateAt.ts';

const stack = { lang: 'go', db: 'mysql' } as const;
const texts = (scenario: typeof loadBalanced, id: string, step: number) => {
  const t = buildTimeline(scenario, stack);
  const node = t.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return nodeBadges(node, nodeStateAt(t, step)[id]).map((b) => `${b.key}=${b.text}`);
};

describe('a node card’s state line', () => {
  it('shows a replica’s health and requests in flight, up to the first ": " of each value', () => {
    const t = buildTimeline(loadBalanced, stack);
    const verdict = t.steps.findIndex((s) => s.id === 'health-verdict');
    expect(texts(loadBalanced, 'app-2', 0)).toEqual(['health=failing', 'in flight=0 in flight']);
    expect(texts(loadBalanced, 'app-2', verdict)).toEqual(['health=DOWN', 'in flight=0 in flight']);
    expect(texts(loadBalanced, 'app-1', verdict)).toEqual(['health=UP', 'in flight=2 in flight']);
  });

  it('shows a pod’s readiness, and nothing for a node that names no badges', () => {
    expect(texts(rollingDeploy, 'pod-5', 0)).toEqual(['ready=Not ready', 'in flight=0 in flight']);
    expect(texts(rollingDeploy, 'pod-4', 0)).toEqual(['ready=Ready', 'in flight=0 in flight']);
    expect(texts(rollingDeploy, 'db', 0)).toEqual([]);
  });
});
