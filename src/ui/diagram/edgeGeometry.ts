import type { NodePlacement } from './layoutDiagram.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A cubic Bézier from the left node's right side to the right node's left side. */
export interface EdgeGeometry {
  readonly p0: Point;
  readonly c1: Point;
  readonly c2: Point;
  readonly p3: Point;
  /** Id of the node at p0 (the left one). */
  readonly startId: string;
  readonly path: string;
}

/** The curve between two placed nodes; the same curve draws the edge and carries the packet. */
export function edgeGeometry(a: NodePlacement, b: NodePlacement): EdgeGeometry {
  const [left, right] = a.x <= b.x ? [a, b] : [b, a];
  const p0 = { x: left.x + left.width, y: left.y + left.height / 2 };
  const p3 = { x: right.x, y: right.y + right.height / 2 };
  const dx = Math.max(40, (p3.x - p0.x) / 2);
  const c1 = { x: p0.x + dx, y: p0.y };
  const c2 = { x: p3.x - dx, y: p3.y };
  const path = `M${p0.x},${p0.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${p3.x},${p3.y}`;
  return { p0, c1, c2, p3, startId: left.node.id, path };
}

/** The point at parameter t (0..1) along the curve. */
export function pointOnEdge(g: EdgeGeometry, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * g.p0.x + b * g.c1.x + c * g.c2.x + d * g.p3.x,
    y: a * g.p0.y + b * g.c1.y + c * g.c2.y + d * g.p3.y,
  };
}
