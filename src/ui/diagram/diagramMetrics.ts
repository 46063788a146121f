/** Sizes of the diagram's layout and type, in flow units (CSS pixels at zoom 1). */
export interface DiagramMetrics {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  /** Wide enough for a packet's label (`--rt-packet-width`, 12 less: 6 clear of each card, its 3 px ring inside that) between two columns. */
  readonly columnGap: number;
  /** Room below a card for a working machine's step label (diagram.css .rt-node-work: 6 over the card, its line, 2 clear). */
  readonly rowGap: number;
  readonly laneGap: number;
  /** A node's name (`--rt-name-font`). */
  readonly nameFont: number;
  /** Roles, packet labels, the SENDS/RECEIVES badges and a node's work line (`--rt-small-font`). */
  readonly smallFont: number;
  /** A node's name must be at least 1/nameShare of the view's height on screen. */
  readonly nameShare: number;
  /**
   * A node's icon, and the card's inner padding at the sides and gap between icon and text
   * (`--rt-icon-size`, `--rt-card-padding`, `--rt-card-gap`): what they leave is the widest word a
   * name may have, since a name never breaks inside a word ("PostgreSQL" is 6.6 em in DejaVu Sans Bold).
   */
  readonly iconSize: number;
  readonly cardPadding: number;
  readonly cardGap: number;
}

/** Every other label must be at least 1/60 of the view's height on screen (PRODUCT.md §6). */
export const SMALL_SHARE = 60;

/**
 * And never smaller than these on screen, in CSS pixels, however small the view: a 480×270 embed on a
 * course page is read at arm's length, where 1/45 of its height (6 px names) is not legible.
 */
export const MIN_NAME_PX = 12;
export const MIN_SMALL_PX = 9;

/** Below this width of the diagram's box, the compact layout. */
export const COMPACT_BELOW = 600;

/**
 * The regular layout, a phone's, and the projector's: narrower, taller nodes whose larger names may wrap, held
 * to 1/30 of the view's height instead of 1/45 (issue 11).
 */
export const DIAGRAM_METRICS = {
  regular: {
    nodeWidth: 272,
    nodeHeight: 112,
    columnGap: 184,
    rowGap: 22,
    laneGap: 44,
    nameFont: 20,
    smallFont: 16,
    nameShare: 45,
    iconSize: 30,
    cardPadding: 10,
    cardGap: 8,
  },
  /**
   * A phone's narrow box: narrower columns, so the hop's two machines fit side by side; a smaller
   * icon, so "PostgreSQL" fits beside it.
   */
  compact: {
    nodeWidth: 184,
    nodeHeight: 132,
    columnGap: 136,
    rowGap: 22,
    laneGap: 36,
    nameFont: 20,
    smallFont: 16,
    nameShare: 45,
    iconSize: 24,
    cardPadding: 6,
    cardGap: 6,
  },
  projector: {
    nodeWidth: 248,
    nodeHeight: 144,
    columnGap: 184,
    rowGap: 26,
    laneGap: 44,
    nameFont: 26,
    smallFont: 18,
    nameShare: 30,
    iconSize: 30,
    cardPadding: 10,
    cardGap: 8,
  },
} as const satisfies Record<string, DiagramMetrics>;

/**
 * The least zoom at which every text of the diagram meets its floor in a view `viewHeight` pixels
 * tall on screen (the window, or the frame a slide shows), and the least sizes in pixels. The type is in flow units, so on screen
 * it is its size times the zoom.
 */
export function legibleZoom(metrics: DiagramMetrics, viewHeight: number): number {
  return Math.max(
    Math.max(viewHeight / metrics.nameShare, MIN_NAME_PX) / metrics.nameFont,
    Math.max(viewHeight / SMALL_SHARE, MIN_SMALL_PX) / metrics.smallFont,
  );
}

/**
 * The metrics for a theme and a box: a phone's in a narrow box (in every theme: the projector's wide
 * cards left a 390 px phone's names at 11 px and its camera buttons over the hop), else the
 * projector's or the regular ones.
 */
export function metricsFor(projector: boolean, boxWidth: number, windowWidth: number): DiagramMetrics {
  // The projector keeps its metrics (names at 1/30 of the height) in a narrow diagram box of a wide window,
  // such as the main view's in a reveal.js slide; only a phone-sized window takes the phone's.
  if (boxWidth < COMPACT_BELOW && (!projector || windowWidth < COMPACT_BELOW)) return DIAGRAM_METRICS.compact;
  return projector ? DIAGRAM_METRICS.projector : DIAGRAM_METRICS.regular;
}
