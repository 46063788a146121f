import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import { placeBandLabels } from './bandLabels.ts';
import type { TrackPlaces } from './bandLabels.ts';
import type { PhaseBand } from './waterfallScale.ts';

const NONE: TrackPlaces = { bands: [], extras: [], row: false };

const same = (a: TrackPlaces, b: TrackPlaces) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Measures the track and, set unseen in `measure`, each band's names (three spans a band: whole
 * name, short name, short name as the row sets it) then each long step's duration (`marks`, the
 * fractions where their marks stand), and places the labels; again whenever the track or a measured
 * text changes size (a font arriving). Layout pixels, so a scaled frame (a reveal.js slide) measures
 * the same.
 */
export function useBandPlaces(
  track: RefObject<HTMLElement | null>,
  measure: RefObject<HTMLElement | null>,
  bands: readonly PhaseBand[],
  marks: readonly number[],
): TrackPlaces {
  const [places, setPlaces] = useState<TrackPlaces>(NONE);
  useLayoutEffect(() => {
    const trackEl = track.current;
    const measureEl = measure.current;
    if (!trackEl || !measureEl) return;
    const update = () => {
      const width = trackEl.offsetWidth;
      const spans = [...measureEl.children].map((el) => (el as HTMLElement).offsetWidth);
      const next = placeBandLabels(
        bands.map((band, i) => ({
          left: band.start * width,
          width: (band.end - band.start) * width,
          full: spans[3 * i] ?? 0,
          short: spans[3 * i + 1] ?? 0,
          outside: spans[3 * i + 2] ?? 0,
        })),
        width,
        marks.map((at, i) => ({ anchor: at * width, width: spans[3 * bands.length + i] ?? 0 })),
      );
      setPlaces((prev) => (same(prev, next) ? prev : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(trackEl);
    for (const el of measureEl.children) observer.observe(el);
    return () => observer.disconnect();
  }, [track, measure, bands, marks]);
  return places;
}
