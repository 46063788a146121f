import { useEffect } from 'react';
import { usePlayerStore } from '../store/react.ts';

const QUERY = '(prefers-reduced-motion: reduce)';

/** Whether the system asks for reduced motion right now (false where matchMedia is missing). */
export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia(QUERY).matches
  );
}

/** Keeps the store's reduced-motion flag in step with the system setting as it changes. */
export function usePrefersReducedMotion(): void {
  const store = usePlayerStore();
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(QUERY);
    const update = () => store.getState().setSystemReducedMotion(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [store]);
}
