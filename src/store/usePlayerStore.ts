import { useContext } from 'react';
import type { PlayerStore } from './createPlayerStore.ts';
import { PlayerStoreContext } from './PlayerStoreContext.ts';

/** The store itself, for subscriptions outside render (the animation-frame hook, the packet layer). */
export function usePlayerStore(): PlayerStore {
  const store = useContext(PlayerStoreContext);
  if (!store) throw new Error('usePlayerStore must be used inside a PlayerProvider.');
  return store;
}
