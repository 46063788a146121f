import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { selectTimeline, usePlayer } from '../../store/index.ts';
import type { PlayerState } from '../../store/index.ts';
import { DiagramControls } from './DiagramControls.tsx';
import { flowElements } from './flowElements.ts';
import { HopEdge } from './HopEdge.tsx';
import { DIAGRAM_METRICS } from './diagramMetrics.ts';
import { layoutFor } from './layoutFor.ts';
import { NodeStatePanel } from './NodeStatePanel.tsx';
import { PacketLayer } from './PacketLayer.tsx';
import { SimNodeCard } from './SimNodeCard.tsx';
import { FIT_OPTIONS } from './fitOptions.ts';
import { useCamera } from './useCamera.ts';

const nodeTypes = { sim: SimNodeCard };
const selectProjector = (s: PlayerState) => s.theme === 'projector';
const edgeTypes = { hop: HopEdge };

/** The journey's machines and links (React Flow) with the packets riding the links. */
function DiagramFlow() {
  const timeline = usePlayer(selectTimeline);
  const box = useRef<HTMLDivElement>(null);
  const projector = usePlayer(selectProjector);
  const layout = layoutFor(timeline, projector ? DIAGRAM_METRICS.projector : DIAGRAM_METRICS.regular);
  const { nodes, edges } = useMemo(
    () => flowElements(layout, timeline.nodes, timeline.links),
    [layout, timeline],
  );
  useCamera(box, layout);
  return (
    <div className="rt-diagram-box" ref={box}>
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
        minZoom={0.2}
        maxZoom={2.5}
        fitView
        fitViewOptions={FIT_OPTIONS}
        proOptions={{ hideAttribution: false }}
      >
        <PacketLayer layout={layout} />
        <DiagramControls />
      </ReactFlow>
      <NodeStatePanel />
    </div>
  );
}

/** The diagram region. */
export function Diagram() {
  return (
    <section className="rt-diagram" aria-label="Request diagram">
      <ReactFlowProvider>
        <DiagramFlow />
      </ReactFlowProvider>
    </section>
  );
}
