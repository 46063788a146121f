import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { selectTimeline, usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { DiagramControls } from './DiagramControls.tsx';
import { flowElements } from './flowElements.ts';
import { HopEdge } from './HopEdge.tsx';
import type { HopFlowEdge } from './HopEdge.tsx';
import { DIAGRAM_METRICS } from './diagramMetrics.ts';
import type { DiagramLayout } from './layoutDiagram.ts';
import { layoutFor } from './layoutFor.ts';
import { HopHold } from './HopHold.tsx';
import { NodeStatePanel } from './NodeStatePanel.tsx';
import { PacketLayer } from './PacketLayer.tsx';
import { SimNodeCard } from './SimNodeCard.tsx';
import type { SimFlowNode } from './SimNodeCard.tsx';
import { wholeViewport } from './cameraViewport.ts';
import type { BoxSize } from './cameraViewport.ts';
import { MAX_ZOOM, MIN_ZOOM } from './fitOptions.ts';
import { useCamera } from './useCamera.ts';

const nodeTypes = { sim: SimNodeCard };
const selectProjector = (s: PlayerState) => s.theme === 'projector';
const edgeTypes = { hop: HopEdge };

interface FlowProps {
  readonly box: RefObject<HTMLDivElement | null>;
  readonly layout: DiagramLayout;
  readonly nodes: SimFlowNode[];
  readonly edges: HopFlowEdge[];
  readonly viewport: Viewport;
}

/** React Flow itself, inside its provider, with the packets and the camera. */
function Flow({ box, layout, nodes, edges, viewport }: FlowProps) {
  useCamera(box, layout);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      panActivationKeyCode={null}
      zoomOnDoubleClick={false}
      defaultViewport={viewport}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      proOptions={{ hideAttribution: false }}
    >
      <PacketLayer layout={layout} />
      <DiagramControls />
    </ReactFlow>
  );
}

/**
 * The journey's machines and links (React Flow) with the packets riding the links. The diagram is
 * framed in its very first frame: every node carries its size and its handles (flowElements), and the
 * view starts fitted to the measured box, instead of React Flow measuring each node and fitting the
 * view a frame later.
 */
function DiagramFlow({ box, size }: { box: RefObject<HTMLDivElement | null>; size: BoxSize }) {
  const timeline = usePlayer(selectTimeline);
  const projector = usePlayer(selectProjector);
  const layout = layoutFor(timeline, projector ? DIAGRAM_METRICS.projector : DIAGRAM_METRICS.regular);
  const { nodes, edges } = useMemo(
    () => flowElements(layout, timeline.nodes, timeline.links),
    [layout, timeline],
  );
  return (
    <ReactFlowProvider>
      <Flow box={box} layout={layout} nodes={nodes} edges={edges} viewport={wholeViewport(layout, size)} />
    </ReactFlowProvider>
  );
}

/** The diagram region: its box is measured before React Flow mounts in it (same task, before paint). */
export function Diagram() {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<BoxSize | null>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (element) setSize({ width: element.clientWidth, height: element.clientHeight });
  }, []);
  return (
    <section className="rt-diagram" aria-label="Request diagram">
      <div className="rt-diagram-box" ref={box}>
        {size && <DiagramFlow box={box} size={size} />}
        <NodeStatePanel />
        <HopHold />
      </div>
    </section>
  );
}
