import { useEffect, useRef } from 'react';
import { formatDuration, scenarioTimeAt } from '../../core/index.ts';
import { usePlayerStore } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';

/** "117.2 ms of 221.5 ms": the scenario's own clock, written straight to the DOM as it changes. */
export function ScenarioClock() {
  const store = usePlayerStore();
  const text = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const span = text.current;
    if (!span) return undefined;
    // One text node whose characters change (setting textContent would replace the node every frame: an
    // insertion and a removal, which the page's :has() rules must check against the whole document).
    const node = span.appendChild(document.createTextNode(''));
    const show = (state: PlayerState) => {
      const label = `${formatDuration(scenarioTimeAt(state.playback, state.timeline))} of ${formatDuration(state.timeline.totalMs)}`;
      if (label !== node.data) node.data = label;
    };
    show(store.getState());
    const unsubscribe = store.subscribe(show);
    return () => {
      unsubscribe();
      node.remove();
    };
  }, [store]);
  return <span className="rt-clock" ref={text} aria-hidden="true" />;
}
