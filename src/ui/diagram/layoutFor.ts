import type { Timeline } from '../../core/index.ts';
import { layoutDiagram } from './layoutDiagram.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

const layouts = new Map<string, DiagramLayout>();

/** The topology's identity: node ids and links. A stack change keeps it (and so every position). */
function topologyKey(timeline: Timeline): string {
  return `${timeline.nodes.map((n) => n.id).join(',')}|${timeline.links.map((l) => `${l.from}-${l.to}`).join(',')}`;
}

/** The layout of a timeline's topology, computed once per topology and reused. */
export function layoutFor(timeline: Timeline): DiagramLayout {
  const key = topologyKey(timeline);
  let layout = layouts.get(key);
  if (!layout) {
    layout = layoutDiagram(timeline.nodes, timeline.links);
    layouts.set(key, layout);
  }
  return layout;
}
