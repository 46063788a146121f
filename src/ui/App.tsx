import { useState } from 'react';
import { parseHash } from '../core/url/parseHash.ts';
import { PlayerProvider } from '../store/index.ts';
import type { PlayerInit } from '../store/index.ts';
import { Player } from './Player.tsx';
import { prefersReducedMotion } from './usePrefersReducedMotion.ts';

/** How the page starts, from the link's hash (PRODUCT.md §5) and the system's motion preference. */
function initFromLocation(): { init: PlayerInit; keys: boolean } {
  const { state } = parseHash(typeof location === 'undefined' ? '' : location.hash);
  return {
    keys: state.keys,
    init: {
      scenarioId: state.scenario,
      stack: { lang: state.lang, db: state.db },
      step: state.step - 1,
      autoplay: state.autoplay,
      playback: { speed: state.speed, pauseAtHop: state.pause === 'hop' },
      theme: state.theme ?? 'system',
      motionOff: state.motion === 'off',
      systemReducedMotion: prefersReducedMotion(),
    },
  };
}

/** The app: one player, started from the link. */
export function App() {
  const [{ init, keys }] = useState(initFromLocation);
  return (
    <PlayerProvider init={init}>
      <Player keys={keys} />
    </PlayerProvider>
  );
}
