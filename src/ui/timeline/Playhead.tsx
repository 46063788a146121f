import { useEffect, useRef } from 'react';
import { usePlayerStore } from '../../store/index.ts';
import type { PlayerState } from '../../store/index.ts';
import type { WaterfallScale } from './waterfallScale.ts';

/**
 * The playhead. It moves every frame, so it follows the store by subscription and writes its
 * transform directly instead of re-rendering React.
 */
export function Playhead({ scale }: { scale: WaterfallScale }) {
  const store = usePlayerStore();
  const track = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const place = (state: PlayerState) => {
      const fraction = scale.playhead(state.playback);
      if (track.current) track.current.style.transform = `translateX(${(fraction * 100).toFixed(3)}%)`;
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, scale]);
  return (
    <div className="rt-playhead-track" ref={track} aria-hidden="true">
      <div className="rt-playhead" />
    </div>
  );
}
