import { Panel, useReactFlow } from '@xyflow/react';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import type { CameraMode } from './cameraViewport.ts';

const selectCamera = (s: PlayerState) => s.camera;
const selectSetCamera = (s: PlayerState) => s.setCamera;

const MODES: readonly (readonly [CameraMode, string])[] = [
  ['whole', 'Whole journey'],
  ['follow', 'Follow the hop'],
];

/** Zoom, and the camera's choice: the whole journey (stays fitted) or follow the hop. */
export function DiagramControls({ reframe }: { reframe: () => void }) {
  const { zoomIn, zoomOut } = useReactFlow();
  const camera = usePlayer(selectCamera);
  const setCamera = usePlayer(selectSetCamera);
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
      <div className="rt-camera-choice" role="group" aria-label="Camera">
        {MODES.map(([mode, label]) => (
          <button
            key={mode}
            type="button"
            className="rt-button rt-button--small"
            aria-pressed={camera === mode}
            onClick={() => (camera === mode ? reframe() : setCamera(mode))}
          >
            {label}
          </button>
        ))}
      </div>
    </Panel>
  );
}
