import { ViewportPortal } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { packetsInFlight } from '../../core/index.ts';
import { selectStepIndex, selectTimeline, usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import type { DiagramLayout } from './layoutDiagram.ts';
import { Packet } from './Packet.tsx';

/** Indices of the steps whose packets are on the wire; without motion only the current one, arrived. */
const selectPacketIndices = (s: PlayerState): number[] => {
  if (s.playback.motion) return packetsInFlight(s.playback, s.timeline).map((p) => p.step.index);
  const step = s.timeline.steps[s.playback.step];
  return step && step.direction !== 'local' ? [step.index] : [];
};

/** Every packet in flight, drawn in the diagram's own coordinates above nodes and edges. */
export function PacketLayer({ layout }: { layout: DiagramLayout }) {
  const indices = usePlayer(useShallow(selectPacketIndices));
  const timeline = usePlayer(selectTimeline);
  const currentIndex = usePlayer(selectStepIndex);
  return (
    <ViewportPortal>
      {indices.map((index, i) => {
        const step = timeline.steps[index];
        return step ? (
          <Packet
            key={`${timeline.scenario}:${step.id}:${index}`}
            step={step}
            layout={layout}
            stackIndex={indices.length - 1 - i}
            current={index === currentIndex}
          />
        ) : null;
      })}
    </ViewportPortal>
  );
}
