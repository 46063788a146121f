import { useEffect } from 'react';
import type { RefObject } from 'react';
import { selectMotion, usePlayerStore } from '../../store/react.ts';
import { loadMotion } from './loadMotion.ts';

/**
 * A panel or overlay entering: it rises a few pixels into place as it fades up (motion's animate,
 * loaded on first use). Nothing moves under reduced motion or motion=0. It starts from a visible
 * state, so nothing is hidden if the library is slow to load.
 */
export function useEntrance(element: RefObject<HTMLElement | null>): void {
  const store = usePlayerStore();
  useEffect(() => {
    const el = element.current;
    if (!el || !selectMotion(store.getState())) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void loadMotion().then(({ animate }) => {
      if (cancelled) return;
      const controls = animate(
        el,
        { opacity: [0.5, 1], transform: ['translateY(10px)', 'translateY(0)'] },
        { duration: 0.22, ease: 'easeOut' },
      );
      stop = () => controls.stop();
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [element, store]);
}
