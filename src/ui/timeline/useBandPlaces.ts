import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import { placeBandLabels } from './bandLabels.ts';
import type { BandLabelPlace } from './bandLabels.ts';
import type { PhaseBand } from './waterfallScale.ts';

const same = (a: readonly BandLabelPlace[], b: readonly BandLabelPlace[]) =>
  a.length === b.length && a.every((p, i) => JSON.stringify(p) === JSON.stringify(b[i]));

/**
 * Measures the track and each band's names (set, hidden, in `measure`: three spans a band — whole
 * name, short name, short name as the row above sets it) and places the labels; again whenever the
 * track or the fonts change size. Layout pixels, so a scaled frame (a reveal.js slide) measures the same.
 */
export function useBandPlaces(
  track: RefObject<HTMLElement | null>,
  measure: RefObject<HTMLElement | null>,
  bands: readonly PhaseBand[],
): readonly BandLabelPlace[] {
  const [places, setPlaces] = useState<readonly BandLabelPlace[]>([]);
  useLayoutEffect(() => {
    const trackEl = track.current;
    const measureEl = measure.current;
    if (!trackEl || !measureEl) return;
    const update = () => {
      const width = trackEl.offsetWidth;
      const scale = width > 0 ? trackEl.getBoundingClientRect().width / width : 1;
      const spans = [...measureEl.children].map((el) => el.getBoundingClientRect().width / (scale || 1));
      const next = placeBandLabels(
        bands.map((band, i) => ({
          left: band.start * width,
          width: (band.end - band.start) * width,
          full: spans[3 * i] ?? 0,
          short: spans[3 * i + 1] ?? 0,
          outside: spans[3 * i + 2] ?? 0,
        })),
        width,
      );
      setPlaces((prev) => (same(prev, next) ? prev : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(trackEl);
    observer.observe(measureEl);
    return () => observer.disconnect();
  }, [track, measure, bands]);
  return places;
}
