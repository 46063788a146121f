import type { Step } from '../../core/index.ts';
import { edgeGeometry, pointOnEdge } from './edgeGeometry.ts';
import type { Point } from './edgeGeometry.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

/** Where a packet is: a point on its edge, and how far that point is from the edge's left end (0..1). */
export interface PacketPlace extends Point {
  readonly along: number;
}

/**
 * Where a step's packet is drawn at a given progress, in flow coordinates (null when a node is
 * missing). The packet rides the whole edge; its label hangs from the point by `along` of its own
 * width (its left end at the left node, its right end at the right node), so a label no wider than
 * the column gap never covers a node, in flight or arrived.
 */
export function packetPoint(layout: DiagramLayout, step: Step, progress: number): PacketPlace | null {
  const from = layout.byId.get(step.from);
  const to = layout.byId.get(step.to);
  if (!from || !to) return null;
  const geometry = edgeGeometry(from, to);
  const along = geometry.startId === step.from ? progress : 1 - progress;
  return { ...pointOnEdge(geometry, along), along };
}
