/** The player store: one per player instance, whose actions call the core's pure playback. */
export { createPlayerStore } from './createPlayerStore.ts';
export type { PlayerInit, PlayerStore } from './createPlayerStore.ts';
export type {
  BeyondEnds,
  Overlay,
  PlayerActions,
  PlayerData,
  PlayerState,
  ThemeChoice,
} from './PlayerState.ts';
export { PlayerProvider } from './PlayerProvider.tsx';
export { usePlayer } from './usePlayer.ts';
export { usePlayerStore } from './usePlayerStore.ts';
export * from './selectors.ts';
export { linkOf } from './link/linkOf.ts';
export { bindHash } from './link/bindHash.ts';
export type { FirstWrite, HashWindow } from './link/bindHash.ts';
export { storeFromLink } from './link/storeFromLink.ts';
export { playerInitFromLink } from './link/playerInitFromLink.ts';
