import { useEffect, useRef } from 'react';
import { formatDuration, scenarioTimeAt } from '../../core/index.ts';
import { usePlayerStore } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';

/** "117.2 ms of 221.5 ms": the scenario's own clock, written straight to the DOM as it changes. */
export function ScenarioClock() {
  const store = usePlayerStore();
  const text = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let shown = '';
    const show = (state: PlayerState) => {
      const label = `${formatDuration(scenarioTimeAt(state.playback, state.timeline))} of ${formatDuration(state.timeline.totalMs)}`;
      if (label !== shown && text.current) {
        text.current.textContent = label;
        shown = label;
      }
    };
    show(store.getState());
    return store.subscribe(show);
  }, [store]);
  return <span className="rt-clock" ref={text} aria-hidden="true" />;
}
