/** How "Whole journey" frames the diagram: a share of the box left around it. */
export const FIT_OPTIONS = { padding: 0.06, maxZoom: 1.6 } as const;

/** How far the user may zoom out and in. */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;

/**
 * Pixels of the diagram's box kept clear when following a hop: the badges above a node at the top,
 * the camera's buttons and the journey's map at the bottom, a margin at the sides.
 */
export const FOLLOW_INSET = { top: 28, right: 16, bottom: 64, left: 16 } as const;

/**
 * FOLLOW_INSET for a box `width` pixels wide: a phone's narrow box keeps a narrower margin at the
 * sides (1/40 of its width, 8 px on a 320 px phone), so the hop's machines and the packet between
 * them get the pixels; the bottom is at least what the camera's buttons and the map cover (`covered`,
 * measured: the projector's buttons are taller) and a 6 px gap above them, or, where nothing covers
 * it (a small embed: no buttons, the map only where it covers no machine), a margin like the sides'.
 */
export function followInset(
  width: number,
  covered = 0,
): { readonly [K in keyof typeof FOLLOW_INSET]: number } {
  const side = Math.min(FOLLOW_INSET.left, Math.round(width / 40));
  const bottom = covered > 0 ? Math.max(FOLLOW_INSET.bottom, Math.ceil(covered) + 6) : side;
  return { ...FOLLOW_INSET, left: side, right: side, bottom };
}

/** Following a hop never zooms in further than this times the legible zoom. */
export const FOLLOW_MAX_OVER_LEGIBLE = 1.5;
