import type { Step } from '../../core/index.ts';
import { edgeGeometry, pointOnEdge } from './edgeGeometry.ts';
import type { Point } from './edgeGeometry.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

/** Packets ride the middle of the curve so that they never cover a node, even when they have arrived. */
const START = 0.2;
const SPAN = 0.6;

/** Where a step's packet is drawn at a given progress, in flow coordinates (null when a node is missing). */
export function packetPoint(layout: DiagramLayout, step: Step, progress: number): Point | null {
  const from = layout.byId.get(step.from);
  const to = layout.byId.get(step.to);
  if (!from || !to) return null;
  const geometry = edgeGeometry(from, to);
  const along = geometry.startId === step.from ? progress : 1 - progress;
  return pointOnEdge(geometry, START + SPAN * along);
}
