/**
 * The player store without React (zustand's vanilla.ts): one store per player instance, whose actions
 * call the core's pure playback. React-free code (the address-bar binding, the embed bridge, tests)
 * imports this; components import `./react.ts`, which adds the provider and hooks.
 */
export { createPlayerStore } from './createPlayerStore.ts';
export { stackLabel } from './stackMove.ts';
export type { Builds, PlayerInit, PlayerStore } from './createPlayerStore.ts';
export type {
  BeyondEnds,
  Overlay,
  PlayerActions,
  PlayerData,
  PlayerState,
  ThemeChoice,
} from './PlayerState.ts';
export { animationFrameDriver } from './frameDriver.ts';
export type { FrameDriver, FrameLoop } from './frameDriver.ts';
export * from './selectors.ts';
export { linkOf } from './link/linkOf.ts';
export { bindHash } from './link/bindHash.ts';
export type { FirstWrite, HashWindow } from './link/bindHash.ts';
export { storeFromLink } from './link/storeFromLink.ts';
export { loadForLink } from './link/loadForLink.ts';
export { languageProfiles } from './languageProfiles.ts';
export { playerStart } from './createPlayerStore.ts';
export { playerInitFromLink } from './link/playerInitFromLink.ts';
