import { useStore } from 'zustand';
import type { PlayerState } from './PlayerState.ts';
import { usePlayerStore } from './usePlayerStore.ts';

/** Selects from the nearest player's state; declare selectors outside components, and wrap object-building ones in useShallow. */
export function usePlayer<T>(selector: (state: PlayerState) => T): T {
  return useStore(usePlayerStore(), selector);
}
