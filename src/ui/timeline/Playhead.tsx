import { useEffect, useRef } from 'react';
import { playheadAt } from '../../core/index.ts';
import { usePlayerStore } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';

/**
 * The playhead. It moves every frame, so it follows the store by subscription and writes its
 * transform directly instead of re-rendering React. Where it stands is the core's `playheadAt`, in
 * the measure of the pace, as the waterfall's marks are.
 */
export function Playhead() {
  const store = usePlayerStore();
  const track = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const place = (state: PlayerState) => {
      const fraction = playheadAt(state.playback, state.timeline);
      if (track.current) track.current.style.transform = `translateX(${(fraction * 100).toFixed(3)}%)`;
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store]);
  return (
    <div className="rt-playhead-track" ref={track} aria-hidden="true">
      <div className="rt-playhead" />
    </div>
  );
}
