/** Where a phase band's label goes: its whole name inside, its short name inside, or outside the band. */
export type BandLabelPlace =
  | { readonly kind: 'full' }
  | { readonly kind: 'short' }
  /**
   * In the row below the bands, its left edge at `left` px; `anchor` is the band's centre, and `under`
   * says whether the name still sits under it (not pushed away by its neighbours).
   */
  | { readonly kind: 'outside'; readonly left: number; readonly anchor: number; readonly under: boolean };

export interface BandBox {
  /** Left edge and width of the band, in px from the track's left edge. */
  readonly left: number;
  readonly width: number;
  /** Widths of its whole and short name as the band sets them, and of the short name in the row. */
  readonly full: number;
  readonly short: number;
  readonly outside: number;
}

/** Something else the row holds: a long step's duration, `anchor` its mark, `width` its bubble. */
export interface RowItem {
  readonly anchor: number;
  readonly width: number;
}

export interface TrackPlaces {
  readonly bands: readonly BandLabelPlace[];
  /** Left edge of each extra item and its anchor, in the order given. */
  readonly extras: readonly { readonly left: number; readonly anchor: number }[];
  /** Whether the track needs its row between the bands and the marks at all. */
  readonly row: boolean;
}

/** Room a label needs besides its text: the band's right border and a little air each side. */
export const BAND_INSET = 6;
/** How far inside a name in the row its band's centre must be for a tick to join them. */
export const TICK_INSET = 3;
/** Space kept between two things in the row. */
export const LABEL_GAP = 6;

/**
 * Spreads things along one row: each centred on its anchor where its neighbours leave room, else
 * pushed aside (never over another, never past the row's ends; in anchor order). Returns left edges.
 */
export function spreadRow(items: readonly RowItem[], rowWidth: number, gap = LABEL_GAP): number[] {
  const order = items
    .map((item, i) => ({ anchor: item.anchor, width: item.width, i }))
    .sort((a, b) => a.anchor - b.anchor || a.i - b.i);
  const lefts = order.map((o) => o.anchor - o.width / 2);
  // Left to right: not before the row's start nor over the previous one; then back from the right.
  let edge = 0;
  order.forEach((o, k) => {
    lefts[k] = Math.max(lefts[k] ?? 0, edge);
    edge = (lefts[k] ?? 0) + o.width + gap;
  });
  edge = rowWidth;
  for (let k = order.length - 1; k >= 0; k--) {
    const o = order[k];
    if (!o) continue;
    lefts[k] = Math.max(0, Math.min(lefts[k] ?? 0, edge - o.width));
    edge = (lefts[k] ?? 0) - gap;
  }
  const byItem: number[] = new Array<number>(items.length).fill(0);
  order.forEach((o, k) => {
    byItem[o.i] = lefts[k] ?? 0;
  });
  return byItem;
}

/**
 * Places each band's label: the whole name when it fits, else the short one, else the short one in
 * the row below the bands, spread with the row's other things (`extras`, the long steps' durations)
 * so that nothing there overlaps.
 */
export function placeBandLabels(
  bands: readonly BandBox[],
  trackWidth: number,
  extras: readonly RowItem[] = [],
): TrackPlaces {
  const inside: (BandLabelPlace | null)[] = bands.map((b) =>
    b.full + BAND_INSET <= b.width
      ? { kind: 'full' }
      : b.short + BAND_INSET <= b.width
        ? { kind: 'short' }
        : null,
  );
  const outside = bands
    .map((b, i) => ({ i, anchor: b.left + b.width / 2, width: b.outside }))
    .filter(({ i }) => inside[i] === null);
  const lefts = spreadRow([...outside, ...extras], trackWidth);
  const placed = bands.map((b, i): BandLabelPlace => {
    const own = inside[i];
    if (own) return own;
    const k = outside.findIndex((o) => o.i === i);
    const left = lefts[k] ?? 0;
    const anchor = b.left + b.width / 2;
    const under = anchor >= left + TICK_INSET && anchor <= left + b.outside - TICK_INSET;
    return { kind: 'outside', left, anchor, under };
  });
  return {
    bands: placed,
    extras: extras.map((e, k) => ({ left: lefts[outside.length + k] ?? 0, anchor: e.anchor })),
    row: outside.length > 0 || extras.length > 0,
  };
}
