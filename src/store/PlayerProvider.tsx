import { useState } from 'react';
import type { ReactNode } from 'react';
import { createPlayerStore } from './createPlayerStore.ts';
import type { PlayerInit, PlayerStore } from './createPlayerStore.ts';
import { animationFrameDriver } from './frameDriver.ts';
import type { FrameDriver } from './frameDriver.ts';
import { FrameDriverContext } from './FrameDriverContext.ts';
import { PlayerStoreContext } from './PlayerStoreContext.ts';

/**
 * Creates one player store for its subtree, once, and provides it (as ReactFlowProvider does), with
 * the frames its playback runs on (the browser's animation frames unless a test drives them).
 */
export function PlayerProvider({
  init,
  store,
  frames = animationFrameDriver,
  children,
}: {
  init?: PlayerInit;
  store?: PlayerStore;
  frames?: FrameDriver;
  children: ReactNode;
}) {
  const [own] = useState(() => store ?? createPlayerStore(init));
  return (
    <PlayerStoreContext.Provider value={own}>
      <FrameDriverContext.Provider value={frames}>{children}</FrameDriverContext.Provider>
    </PlayerStoreContext.Provider>
  );
}
