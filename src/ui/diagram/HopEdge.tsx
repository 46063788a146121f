import type { Edge, EdgeProps } from '@xyflow/react';
import { usePlayer } from '../../store/react.ts';
import type { EdgeGeometry } from './edgeGeometry.ts';
import { edgeStatus } from './edgeStatus.ts';

export type HopFlowEdge = Edge<{ geometry: EdgeGeometry }, 'hop'>;

/** A link drawn on the same curve the packet rides: dashed before use, solid once used, thick while in use. */
export function HopEdge({ id, data }: EdgeProps<HopFlowEdge>) {
  const status = usePlayer((s) => edgeStatus(s, id));
  if (!data) return null;
  return <path className={`rt-edge rt-edge--${status}`} d={data.geometry.path} fill="none" />;
}
