import type { PlayerState } from '../../store/react.ts';
import type { CameraRequest } from './cameraViewport.ts';
import { legibleZoom } from './diagramMetrics.ts';
import type { DiagramMetrics } from './diagramMetrics.ts';

/** The lines a working machine's step label may take (line-clamp in diagram.css). */
export const WORK_LINES = 4;

/**
 * How far a working machine's step label (.rt-node-work, diagram.css) reaches below its card, in flow
 * units: four lines of the small type (a URL on a 320 px phone needs four) (line-height 1.25), its padding (4) and border (2), less the 6 px it
 * sits over the card.
 */
export const workBelow = (metrics: DiagramMetrics): number =>
  Math.ceil(WORK_LINES * 1.25 * metrics.smallFont) + 4 + 2 - 6;

/**
 * The camera's request for where a player stands: the hop's machines (with a working machine's step
 * label below its card) and their neighbours.
 */
export function cameraRequest(s: PlayerState, metrics: DiagramMetrics, viewHeight: number): CameraRequest {
  const step = s.timeline.steps[s.playback.step];
  const hop = step ? [...new Set([step.from, step.to])] : [];
  const context = s.timeline.links.flatMap((l) =>
    hop.includes(l.from) ? [l.to] : hop.includes(l.to) ? [l.from] : [],
  );
  const below = step && step.from === step.to ? workBelow(metrics) : 0;
  return {
    mode: s.camera,
    hop,
    context,
    below,
    labelRoom: workBelow(metrics),
    legible: legibleZoom(metrics, viewHeight),
  };
}
