import type { PlayerState } from '../../store/react.ts';
import type { CameraRequest } from './cameraViewport.ts';
import { legibleZoom } from './diagramMetrics.ts';
import type { DiagramMetrics } from './diagramMetrics.ts';

/** The camera's request for where a player stands: the hop's machines and their neighbours. */
export function cameraRequest(s: PlayerState, metrics: DiagramMetrics, viewHeight: number): CameraRequest {
  const step = s.timeline.steps[s.playback.step];
  const hop = step ? [...new Set([step.from, step.to])] : [];
  const context = s.timeline.links.flatMap((l) =>
    hop.includes(l.from) ? [l.to] : hop.includes(l.to) ? [l.from] : [],
  );
  return { mode: s.camera, hop, context, legible: legibleZoom(metrics, viewHeight) };
}
