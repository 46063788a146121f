import { Panel, useReactFlow } from '@xyflow/react';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import type { CameraMode } from './cameraViewport.ts';

const selectCamera = (s: PlayerState) => s.camera;
const selectSetCamera = (s: PlayerState) => s.setCamera;

/** Each camera mode's name, as its first word and the rest (only the first word shows in a narrow box). */
const MODES: readonly (readonly [CameraMode, string, string])[] = [
  ['whole', 'Whole', ' journey'],
  ['follow', 'Follow', ' the hop'],
];

/**
 * Zoom, and the camera's choice: the whole journey (stays fitted) or follow the hop. In a narrow box
 * (`compact`) the buttons stay on one row: "Whole" and "Follow" show, their names stay whole.
 */
export function DiagramControls({ reframe, compact }: { reframe: () => void; compact: boolean }) {
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
        {MODES.map(([mode, first, rest]) => (
          <button
            key={mode}
            type="button"
            className="rt-button rt-button--small"
            aria-pressed={camera === mode}
            onClick={() => (camera === mode ? reframe() : setCamera(mode))}
          >
            {first}
            <span className={compact ? 'rt-visually-hidden' : undefined}>{rest}</span>
          </button>
        ))}
      </div>
    </Panel>
  );
}
