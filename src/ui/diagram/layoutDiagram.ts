import type { Link, NodeKind, SimNode } from '../../core/index.ts';

import type { DiagramMetrics } from './diagramMetrics.ts';

/** Name-resolution machines go in the top lane; the request's own path in the bottom lane. */
const DNS_KINDS: ReadonlySet<NodeKind> = new Set([
  'stub-resolver',
  'recursive-resolver',
  'root-server',
  'tld-server',
  'authoritative-server',
]);

export interface NodePlacement {
  readonly node: SimNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DiagramLayout {
  readonly placements: readonly NodePlacement[];
  readonly byId: ReadonlyMap<string, NodePlacement>;
  readonly width: number;
  readonly height: number;
}

/** Columns by hop count from the browser (breadth-first over the links). */
function columns(nodes: readonly SimNode[], links: readonly Link[]): Map<string, number> {
  const depth = new Map<string, number>();
  const start = nodes.find((n) => n.kind === 'browser') ?? nodes[0];
  if (!start) return depth;
  depth.set(start.id, 0);
  const queue = [start.id];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const link of links) {
      const other = link.from === id ? link.to : link.to === id ? link.from : null;
      if (other !== null && !depth.has(other)) {
        depth.set(other, (depth.get(id) ?? 0) + 1);
        queue.push(other);
      }
    }
  }
  const deepest = Math.max(0, ...depth.values());
  for (const node of nodes) if (!depth.has(node.id)) depth.set(node.id, deepest + 1);
  return depth;
}

/**
 * A fixed left-to-right layout, computed once per topology so nothing moves between steps: the
 * browser on the left, DNS machines in a top lane, proxy, app, cache and database in a bottom lane,
 * one column per hop from the browser, nodes sharing a column stacked and centred in their lane.
 */
export function layoutDiagram(
  nodes: readonly SimNode[],
  links: readonly Link[],
  { nodeWidth, nodeHeight, columnGap, rowGap, laneGap, smallFont }: DiagramMetrics,
): DiagramLayout {
  // A card that shows state (NodeBadges) has one more line: small type, its padding and the chips' borders.
  const heightOf = (node: SimNode) =>
    nodeHeight + (node.badges?.length ? Math.ceil(smallFont * 1.25) + 10 : 0);
  const column = columns(nodes, links);
  const lanes: [SimNode[][], SimNode[][]] = [[], []];
  for (const node of nodes) {
    if (node.kind === 'browser') continue;
    const lane = lanes[DNS_KINDS.has(node.kind) ? 0 : 1];
    const col = column.get(node.id) ?? 0;
    (lane[col] ??= []).push(node);
  }
  const stackHeight = (group: readonly SimNode[]) =>
    group.reduce((sum, node) => sum + heightOf(node), 0) + Math.max(0, group.length - 1) * rowGap;
  // A top-lane column taller than three cards (the CDN's name server joining the root, TLD and shop's name
  // servers on a cold walk) grows upward, so the browser, the stub and the edge keep the places, and the camera
  // the zoom, they have with three (camera.spec's far-away-cdn case).
  const laneHeights = lanes.map((lane, i) =>
    Math.max(0, ...lane.filter(Boolean).map((group) => stackHeight(i === 0 ? group.slice(0, 3) : group))),
  );
  const [topHeight = 0, bottomHeight = 0] = laneHeights;
  const laneTop = [0, topHeight > 0 ? topHeight + laneGap : 0];
  const placements: NodePlacement[] = [];
  const spareOf = (laneIndex: number, group: readonly SimNode[]) =>
    (laneHeights[laneIndex] ?? 0) - stackHeight(group);
  lanes.forEach((lane, laneIndex) => {
    lane.forEach((group, col) => {
      const spare = spareOf(laneIndex, group);
      // ...and the machine that talks to all of them (the resolver) moves up to the middle of the column
      const next = lane[col + 1];
      const grown = next && laneIndex === 0 ? Math.min(0, spareOf(0, next)) / 2 : 0;
      let y = (laneTop[laneIndex] ?? 0) + (spare < 0 ? spare : spare / 2 + grown);
      for (const node of group) {
        placements.push({
          node,
          x: col * (nodeWidth + columnGap),
          y,
          width: nodeWidth,
          height: heightOf(node),
        });
        y += heightOf(node) + rowGap;
      }
    });
  });
  const height = Math.max(nodeHeight, (laneTop[1] ?? 0) + bottomHeight);
  const browser = nodes.find((n) => n.kind === 'browser');
  if (browser)
    placements.unshift({
      node: browser,
      x: 0,
      y: (height - nodeHeight) / 2,
      width: nodeWidth,
      height: nodeHeight,
    });
  const width = Math.max(...placements.map((p) => p.x + nodeWidth), nodeWidth);
  // what grew upward moves everything down by as much, so the layout still starts at 0
  const above = Math.max(0, -Math.min(0, ...placements.map((p) => p.y)));
  const placed = placements.map((p) => (above > 0 ? { ...p, y: p.y + above } : p));
  return {
    placements: placed,
    byId: new Map(placed.map((p) => [p.node.id, p])),
    width,
    height: height + above,
  };
}
