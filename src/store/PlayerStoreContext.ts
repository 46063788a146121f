import { createContext } from 'react';
import type { PlayerStore } from './createPlayerStore.ts';

/** The player store of the nearest PlayerProvider. */
export const PlayerStoreContext = createContext<PlayerStore | null>(null);
