import { useLayoutEffect } from 'react';

/**
 * Marks <html> (data-rt-projector) while the main view shows the projector theme, so theme.css can
 * enlarge the root font without `html:has(…)`, which made Chromium re-check the root on every DOM
 * insertion during playback. The mark goes when the theme changes or the player unmounts.
 */
export function useRootProjector(on: boolean): void {
  useLayoutEffect(() => {
    if (!on) return;
    const root = document.documentElement;
    root.setAttribute('data-rt-projector', '');
    return () => root.removeAttribute('data-rt-projector');
  }, [on]);
}
