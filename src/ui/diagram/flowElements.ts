import { Position } from '@xyflow/react';
import type { NodeHandle } from '@xyflow/react';
import type { Link, SimNode } from '../../core/index.ts';
import { edgeGeometry } from './edgeGeometry.ts';
import type { HopFlowEdge } from './HopEdge.tsx';
import type { DiagramLayout } from './layoutDiagram.ts';
import { linkKey } from './linkKey.ts';
import type { SimFlowNode } from './SimNodeCard.tsx';

/** A handle as React Flow's base.css draws it: 5 × 5 px, centred on the inner edge of the node's border. */
const HANDLE_SIZE = 5;
/** `.rt-node`'s resting border (diagram.css); a node in the current hop draws a thicker one. */
const NODE_BORDER = 2;

/**
 * Where SimNodeCard's two handles sit, as React Flow measures them on a resting node. Given up front
 * with the node's size, they let it draw the nodes and links in the first frame and fit the view at
 * once, instead of measuring each node first. The links (HopEdge) draw their own curves from the
 * layout, so a border a pixel thicker changes nothing on screen.
 */
function handlesOf(width: number, height: number): NodeHandle[] {
  const y = height / 2 - HANDLE_SIZE / 2;
  return [
    {
      type: 'target',
      position: Position.Left,
      x: NODE_BORDER - HANDLE_SIZE / 2,
      y,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    },
    {
      type: 'source',
      position: Position.Right,
      x: width - NODE_BORDER - HANDLE_SIZE / 2,
      y,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    },
  ];
}

/** React Flow nodes and edges for a layout: fixed, not draggable, not selectable (the node's button is the control). */
export function flowElements(
  layout: DiagramLayout,
  nodes: readonly SimNode[],
  links: readonly Link[],
): { nodes: SimFlowNode[]; edges: HopFlowEdge[] } {
  // In reading order (top to bottom, then left to right): the order React Flow renders, so Tab's order.
  const inRows = [...nodes].sort((a, b) => {
    const pa = layout.byId.get(a.id);
    const pb = layout.byId.get(b.id);
    return pa && pb ? pa.y - pb.y || pa.x - pb.x : 0;
  });
  const flowNodes: SimFlowNode[] = inRows.flatMap((node) => {
    const place = layout.byId.get(node.id);
    return place
      ? [
          {
            id: node.id,
            type: 'sim' as const,
            position: { x: place.x, y: place.y },
            data: { node },
            width: place.width,
            height: place.height,
            // React Flow sizes the node's wrapper to width × height, so that is what it would measure.
            measured: { width: place.width, height: place.height },
            handles: handlesOf(place.width, place.height),
            draggable: false,
            selectable: false,
            connectable: false,
            focusable: false,
            deletable: false,
          },
        ]
      : [];
  });
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const flowEdges: HopFlowEdge[] = links.flatMap((link) => {
    const a = layout.byId.get(link.from);
    const b = layout.byId.get(link.to);
    if (!a || !b) return [];
    const geometry = edgeGeometry(a, b);
    const [source, target] = geometry.startId === link.from ? [link.from, link.to] : [link.to, link.from];
    return [
      {
        id: linkKey(link.from, link.to),
        type: 'hop' as const,
        source,
        target,
        data: { geometry },
        selectable: false,
        focusable: false,
        deletable: false,
        ariaLabel: `Link between ${names.get(source) ?? source} and ${names.get(target) ?? target}`,
      },
    ];
  });
  return { nodes: flowNodes, edges: flowEdges };
}
