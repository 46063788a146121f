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
export { linkOf } from './linkOf.ts';
