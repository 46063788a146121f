/** Where a phase band's label goes: its whole name inside, its short name inside, or outside the band. */
export type BandLabelPlace =
  | { readonly kind: 'full' }
  | { readonly kind: 'short' }
  /** In the row above the track, its left edge at `left` px; a tick marks the band's centre. */
  | { readonly kind: 'outside'; readonly left: number; readonly tick: number };

export interface BandBox {
  /** Left edge and width of the band, in px from the track's left edge. */
  readonly left: number;
  readonly width: number;
  /** Widths of its whole and short name as the band sets them, and of the short name in the row above. */
  readonly full: number;
  readonly short: number;
  readonly outside: number;
}

/** Room a label needs besides its text: the band's right border and a little air each side. */
export const BAND_INSET = 6;
/** Space kept between two labels in the row above. */
export const LABEL_GAP = 6;

/**
 * Places each band's label: the whole name when it fits, else the short one, else the short one
 * outside the band, above it, centred on it where the neighbours leave room and pushed aside (never
 * over another label, never past the track's ends) where they do not.
 */
export function placeBandLabels(bands: readonly BandBox[], trackWidth: number): BandLabelPlace[] {
  const places: BandLabelPlace[] = bands.map((b) =>
    b.full + BAND_INSET <= b.width
      ? { kind: 'full' }
      : b.short + BAND_INSET <= b.width
        ? { kind: 'short' }
        : { kind: 'outside', left: 0, tick: b.left + b.width / 2 },
  );
  const outside = bands
    .map((b, i) => ({ i, width: b.outside, left: b.left + b.width / 2 - b.outside / 2 }))
    .filter(({ i }) => places[i]?.kind === 'outside');
  // Left to right: not before the track's start nor over the previous label; then back from the right.
  let edge = 0;
  for (const o of outside) {
    o.left = Math.max(o.left, edge);
    edge = o.left + o.width + LABEL_GAP;
  }
  edge = trackWidth;
  for (const o of [...outside].reverse()) {
    o.left = Math.max(0, Math.min(o.left, edge - o.width));
    edge = o.left - LABEL_GAP;
  }
  for (const o of outside) {
    const b = bands[o.i];
    if (b) places[o.i] = { kind: 'outside', left: o.left, tick: b.left + b.width / 2 };
  }
  return places;
}
