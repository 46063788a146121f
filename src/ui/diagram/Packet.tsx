import { m, useMotionValue } from 'motion/react';
import { useEffect, useState } from 'react';
import type { Step } from '../../core/index.ts';
import { usePlayerStore } from '../../store/index.ts';
import type { PlayerState } from '../../store/index.ts';
import { PHASE_INFO } from '../phaseInfo.ts';
import type { DiagramLayout } from './layoutDiagram.ts';
import { packetPoint } from './packetPoint.ts';
import { progressOfStep } from './progressOfStep.ts';

interface PacketProps {
  readonly step: Step;
  readonly layout: DiagramLayout;
  /** 0 for the newest packet; older packets of the same flight stack above it. */
  readonly stackIndex: number;
  readonly current: boolean;
}

const placeFor = (state: PlayerState, layout: DiagramLayout, step: Step) =>
  packetPoint(
    layout,
    step,
    state.playback.motion ? progressOfStep(state.playback, state.timeline, step.index) : 1,
  ) ?? { x: 0, y: 0, along: 0.5 };

/** The label's horizontal offset from its point: its own width times how far along the edge it is. */
const shiftOf = (along: number) => `${(-along * 100).toFixed(2)}%`;

/**
 * One labelled token on its edge. Its position follows the store through motion values, so a frame
 * of playback moves it without re-rendering React. Requests are round pills with →; responses are
 * notched flags with ← (shape and label, not colour alone). They grow in rather than fade, so a label
 * keeps its full contrast in every frame.
 */
export function Packet({ step, layout, stackIndex, current }: PacketProps) {
  const store = usePlayerStore();
  const [start] = useState(() => placeFor(store.getState(), layout, step));
  const x = useMotionValue(start.x);
  const y = useMotionValue(start.y);
  const shift = useMotionValue(shiftOf(start.along));
  useEffect(() => {
    const place = (state: PlayerState) => {
      const point = placeFor(state, layout, step);
      x.set(point.x);
      y.set(point.y);
      shift.set(shiftOf(point.along));
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, layout, step, x, y, shift]);
  const response = step.direction === 'response';
  const phase = PHASE_INFO[step.phase];
  return (
    <m.div className="rt-packet-anchor" style={{ x, y }} aria-hidden="true">
      <m.div
        className={`rt-packet rt-packet--${response ? 'response' : 'request'}${current ? ' rt-packet--current' : ''}`}
        style={{ background: phase.fill, color: phase.ink, x: shift, y: -stackIndex * 38 }}
        initial={{ scale: 0.7 }}
        animate={{ scale: current ? 1 : 0.9 }}
        transition={{ duration: 0.18 }}
        data-step={step.id}
      >
        <span className="rt-packet-arrow">{response ? '←' : '→'}</span>
        <span className="rt-packet-label">{step.message.summary}</span>
      </m.div>
    </m.div>
  );
}
