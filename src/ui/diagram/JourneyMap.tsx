import { MiniMap } from '@xyflow/react';
import { selectCurrentStep, usePlayer } from '../../store/react.ts';
import { nodeRole } from './nodeRole.ts';

/**
 * Small enough to stay clear of the hop (FOLLOW_INSET keeps the bottom 64 px clear); narrower where
 * the camera's buttons leave less room beside them (useCamera).
 */
export const MAP_SIZE = { width: 176, height: 52 };

/**
 * The overview, when not every machine is on screen: the whole journey small, the window the camera
 * shows, and the current hop's machines filled in the accent colour.
 */
export function JourneyMap({ width }: { width: number }) {
  const step = usePlayer(selectCurrentStep);
  return (
    <MiniMap
      className="rt-journey-map"
      position="bottom-right"
      ariaLabel="Map of the whole journey; the current hop is filled"
      pannable={false}
      zoomable={false}
      nodeBorderRadius={12}
      style={{ width, height: MAP_SIZE.height }}
      nodeClassName={(node) => `rt-map-node rt-map-node--${nodeRole(step, node.id)}`}
    />
  );
}
