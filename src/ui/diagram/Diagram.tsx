import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, RefObject } from 'react';
import { selectTimeline, usePlayer, usePlayerStore } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { DiagramControls } from './DiagramControls.tsx';
import { flowElements } from './flowElements.ts';
import { HopEdge } from './HopEdge.tsx';
import type { HopFlowEdge } from './HopEdge.tsx';
import { DIAGRAM_METRICS, metricsFor } from './diagramMetrics.ts';
import type { DiagramMetrics } from './diagramMetrics.ts';
import { JourneyMap } from './JourneyMap.tsx';
import type { DiagramLayout } from './layoutDiagram.ts';
import { layoutFor } from './layoutFor.ts';
import { HopHold } from './HopHold.tsx';
import { PacketLayer } from './PacketLayer.tsx';
import { packetMaxWidth, packetPadding } from './packetGeometry.ts';
import { SimNodeCard } from './SimNodeCard.tsx';
import type { SimFlowNode } from './SimNodeCard.tsx';
import { cameraViewport } from './cameraViewport.ts';
import { cameraRequest } from './cameraRequest.ts';
import type { BoxSize } from './cameraViewport.ts';
import { MAX_ZOOM, MIN_ZOOM } from './fitOptions.ts';
import { useCamera } from './useCamera.ts';

const nodeTypes = { sim: SimNodeCard };
const selectProjector = (s: PlayerState) => s.theme === 'projector';
const edgeTypes = { hop: HopEdge };
/** A finger scrolls the page, not the picture (the camera follows the hop there); the browser zooms. */
const COARSE_POINTER = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

interface FlowProps {
  readonly box: RefObject<HTMLDivElement | null>;
  readonly layout: DiagramLayout;
  readonly metrics: DiagramMetrics;
  readonly nodes: SimFlowNode[];
  readonly edges: HopFlowEdge[];
  readonly viewport: Viewport;
  /** The zoom and camera buttons show over the diagram (not in the embed view). */
  readonly controls: boolean;
}

/** React Flow itself, inside its provider, with the packets and the camera. */
function Flow({ box, layout, metrics, nodes, edges, viewport, controls }: FlowProps) {
  const { showsAll, mapWidth, reframe } = useCamera(box, layout, metrics);
  const compact = metrics === DIAGRAM_METRICS.compact;
  const style = {
    '--rt-name-font': `${metrics.nameFont}px`,
    '--rt-small-font': `${metrics.smallFont}px`,
    '--rt-packet-width': `${packetMaxWidth(metrics)}px`,
    '--rt-packet-pad': `${packetPadding(metrics)}px`,
    '--rt-icon-size': `${metrics.iconSize}px`,
    '--rt-card-padding': `${metrics.cardPadding}px`,
    '--rt-card-gap': `${metrics.cardGap}px`,
  } as CSSProperties;
  return (
    <ReactFlow
      style={style}
      className={compact ? 'rt-flow--compact' : undefined}
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
      // The wheel scrolls the page; Ctrl + wheel and a pinch zoom; a finger on a touch screen scrolls.
      zoomOnScroll={false}
      preventScrolling={false}
      panOnDrag={!COARSE_POINTER}
      zoomOnPinch={!COARSE_POINTER}
      defaultViewport={viewport}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      proOptions={{ hideAttribution: false }}
    >
      <PacketLayer layout={layout} />
      {controls && <DiagramControls reframe={reframe} compact={compact} />}
      {!showsAll && mapWidth > 0 && <JourneyMap width={mapWidth} />}
    </ReactFlow>
  );
}

/**
 * The journey's machines and links (React Flow) with the packets riding the links. The diagram is
 * framed in its very first frame: every node carries its size and its handles (flowElements), and the
 * view starts fitted to the measured box, instead of React Flow measuring each node and fitting the
 * view a frame later.
 */
function DiagramFlow({
  box,
  size,
  controls,
}: {
  box: RefObject<HTMLDivElement | null>;
  size: BoxSize;
  controls: boolean;
}) {
  const timeline = usePlayer(selectTimeline);
  const projector = usePlayer(selectProjector);
  const store = usePlayerStore();
  const metrics = metricsFor(projector, size.width, window.innerWidth);
  const layout = layoutFor(timeline, metrics);
  const { nodes, edges } = useMemo(
    () => flowElements(layout, timeline.nodes, timeline.links),
    [layout, timeline],
  );
  // Where the camera stands in the first frame (React Flow reads its default viewport once).
  const [viewport] = useState(
    () => cameraViewport(layout, size, cameraRequest(store.getState(), metrics, window.innerHeight)).viewport,
  );
  return (
    <ReactFlowProvider>
      <Flow
        box={box}
        layout={layout}
        metrics={metrics}
        nodes={nodes}
        edges={edges}
        viewport={viewport}
        controls={controls}
      />
    </ReactFlowProvider>
  );
}

/**
 * The diagram region: its box is measured before React Flow mounts in it (same task, before paint).
 * `controls`: the zoom and camera buttons over it (the main view; the embed view has none).
 */
export function Diagram({ controls = true }: { controls?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<BoxSize | null>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (element) setSize({ width: element.clientWidth, height: element.clientHeight });
  }, []);
  return (
    <section className="rt-diagram" aria-label="Request diagram">
      <div className="rt-diagram-box" ref={box}>
        {size && <DiagramFlow box={box} size={size} controls={controls} />}
        <HopHold />
      </div>
    </section>
  );
}
