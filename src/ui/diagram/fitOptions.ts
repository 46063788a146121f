/** How "fit" frames the whole diagram. */
export const FIT_OPTIONS = { padding: 0.06, maxZoom: 1.6 } as const;

/** How the camera frames the current hop when it follows it. */
export const HOP_FIT_OPTIONS = { padding: 0.12, maxZoom: 1 } as const;

/** How far the user may zoom out and in. */
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 2.5;

/** Below this zoom the whole picture is too small to read: the camera follows the current hop instead. */
export const FOLLOW_BELOW_ZOOM = 0.5;
