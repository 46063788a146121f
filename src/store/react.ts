/** The player store for React (zustand's react.ts): the vanilla store, plus its provider and hooks. */
export * from './index.ts';
export { PlayerProvider } from './PlayerProvider.tsx';
export { usePlayer } from './usePlayer.ts';
export { usePlayerStore } from './usePlayerStore.ts';
export { useFrameDriver } from './useFrameDriver.ts';
