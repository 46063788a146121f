import { useState } from 'react';
import type { ReactNode } from 'react';
import { createPlayerStore } from './createPlayerStore.ts';
import type { PlayerInit, PlayerStore } from './createPlayerStore.ts';
import { PlayerStoreContext } from './PlayerStoreContext.ts';

/** Creates one player store for its subtree, once, and provides it (as ReactFlowProvider does). */
export function PlayerProvider({
  init,
  store,
  children,
}: {
  init?: PlayerInit;
  store?: PlayerStore;
  children: ReactNode;
}) {
  const [own] = useState(() => store ?? createPlayerStore(init));
  return <PlayerStoreContext.Provider value={own}>{children}</PlayerStoreContext.Provider>;
}
