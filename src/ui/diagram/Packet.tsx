import { useLayoutEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { stepProgress } from '../../core/index.ts';
import type { Step } from '../../core/index.ts';
import { usePlayerStore } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { PHASE_INFO } from '../phaseInfo.ts';
import type { DiagramLayout } from './layoutDiagram.ts';
import { packetOffset } from './packetGeometry.ts';
import { PacketLabel } from './PacketLabel.tsx';
import { packetPoint } from './packetPoint.ts';

interface PacketProps {
  readonly step: Step;
  readonly layout: DiagramLayout;
  /** 0 for the newest packet; older packets of the same flight stack above it. */
  readonly stackIndex: number;
  readonly current: boolean;
}

interface Place {
  /** The anchor's transform: the point on the edge, in flow units. */
  readonly transform: string;
  /** The label's horizontal offset from its point: its own width times how far along the edge it is. */
  readonly shift: string;
}

const placeFor = (state: PlayerState, layout: DiagramLayout, step: Step): Place => {
  const { x, y, along } = packetPoint(
    layout,
    step,
    state.playback.motion ? stepProgress(state.playback, state.timeline, step.index) : 1,
  ) ?? { x: 0, y: 0, along: 0.5 };
  // Clear of the card it leaves and the card it reaches (packetOffset, as the export draws it).
  const { ofWidth, px } = packetOffset(along);
  return {
    transform: `translate(${x}px, ${y}px)`,
    shift: `calc(${(ofWidth * 100).toFixed(2)}% + ${px.toFixed(2)}px)`,
  };
};

/**
 * One labelled token on its edge. It follows the store by writing its position straight to the DOM,
 * so a frame of playback moves it without re-rendering React. Requests are round pills with →;
 * responses are notched flags with ← (shape and label, not colour alone). They grow in rather than
 * fade (diagram.css), so a label keeps its full contrast in every frame.
 */
export function Packet({ step, layout, stackIndex, current }: PacketProps) {
  const store = usePlayerStore();
  const anchor = useRef<HTMLDivElement>(null);
  const token = useRef<HTMLDivElement>(null);
  // The first place is rendered; React never changes these style values again, the store does.
  const [start] = useState(() => placeFor(store.getState(), layout, step));
  // What the DOM shows now, across re-subscriptions (a new layout or step keeps the same elements).
  const shown = useRef(start);
  useLayoutEffect(() => {
    const place = (state: PlayerState) => {
      const next = placeFor(state, layout, step);
      if (next.transform !== shown.current.transform)
        anchor.current?.style.setProperty('transform', next.transform);
      if (next.shift !== shown.current.shift) token.current?.style.setProperty('--shift', next.shift);
      shown.current = next;
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, layout, step]);
  const response = step.direction === 'response';
  const phase = PHASE_INFO[step.phase];
  const style = {
    background: phase.fill,
    color: phase.ink,
    '--shift': start.shift,
    '--stack': stackIndex,
  } as CSSProperties;
  return (
    <div ref={anchor} className="rt-packet-anchor" style={{ transform: start.transform }} aria-hidden="true">
      <div
        ref={token}
        className={`rt-packet rt-packet--${response ? 'response' : 'request'}${current ? ' rt-packet--current' : ''}`}
        style={style}
        data-step={step.id}
        title={step.message.summary}
      >
        <span className="rt-packet-arrow">{response ? '←' : '→'}</span>
        <PacketLabel text={step.message.summary} />
      </div>
    </div>
  );
}
