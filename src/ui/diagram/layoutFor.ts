import type { Timeline } from '../../core/index.ts';
import type { DiagramMetrics } from './diagramMetrics.ts';
import { layoutDiagram } from './layoutDiagram.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

const layouts = new WeakMap<DiagramMetrics, Map<string, DiagramLayout>>();

/** The topology's identity: node ids and links. A stack change keeps it (and so every position). */
function topologyKey(timeline: Timeline): string {
  return `${timeline.nodes.map((n) => n.id).join(',')}|${timeline.links.map((l) => `${l.from}-${l.to}`).join(',')}`;
}

/** The layout of a timeline's topology at given sizes, computed once per topology and sizes and reused. */
export function layoutFor(timeline: Timeline, metrics: DiagramMetrics): DiagramLayout {
  let byTopology = layouts.get(metrics);
  if (!byTopology) layouts.set(metrics, (byTopology = new Map()));
  const key = topologyKey(timeline);
  let layout = byTopology.get(key);
  if (!layout) {
    layout = layoutDiagram(timeline.nodes, timeline.links, metrics);
    byTopology.set(key, layout);
  }
  return layout;
}
