import { useEffect, useState } from 'react';
import { isAtEnd } from '../../core/index.ts';
import { usePlayerStore } from '../../store/react.ts';
import type { PlayerState } from '../../store/index.ts';

/** Play stopped by itself because a hop arrived with "Pause at each hop" on (not a Pause, not the end). */
const heldAtHop = (s: PlayerState, prev: PlayerState) =>
  prev.playback.mode === 'playing' &&
  s.playback.mode === 'paused' &&
  s.playback.pauseAtHop &&
  s.playback.progress >= 1 &&
  !isAtEnd(s.playback, s.timeline);

/**
 * Where the eye is (on the diagram, under the hop that just arrived): "Paused at this hop", and what
 * continues it. With the default "Pause at each hop", Play plays one hop and waits; without a word
 * on the diagram a newcomer reads that as broken. Shown only while held; any move clears it.
 */
export function HopHold() {
  const store = usePlayerStore();
  const [held, setHeld] = useState(false);
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (heldAtHop(s, prev)) setHeld(true);
        else if (
          s.playback.mode !== 'paused' ||
          s.playback.step !== prev.playback.step ||
          s.timeline !== prev.timeline
        )
          setHeld(false);
      }),
    [store],
  );
  if (!held) return null;
  return (
    <p className="rt-hop-hold">
      <strong>Paused at this hop.</strong> Play (Space) or Next (→) continues.
    </p>
  );
}
