import { Panel, useReactFlow } from '@xyflow/react';
import { FIT_OPTIONS } from './fitOptions.ts';

/** Zoom and "Fit" (back to the whole picture), as plain labelled buttons. */
export function DiagramControls() {
  const { zoomIn, zoomOut, fitView } = useReactFlow();
  return (
    <Panel position="bottom-left" className="rt-diagram-controls">
      <button
        type="button"
        className="rt-button rt-button--small"
        aria-label="Zoom in"
        onClick={() => void zoomIn()}
      >
        +
      </button>
      <button
        type="button"
        className="rt-button rt-button--small"
        aria-label="Zoom out"
        onClick={() => void zoomOut()}
      >
        −
      </button>
      <button type="button" className="rt-button rt-button--small" onClick={() => void fitView(FIT_OPTIONS)}>
        Fit
      </button>
    </Panel>
  );
}
