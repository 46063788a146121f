/** How "fit" frames the whole diagram. */
export const FIT_OPTIONS = { padding: 0.06, maxZoom: 1.6 } as const;

/** Below this zoom the whole picture is too small to read: the camera follows the current hop instead. */
export const FOLLOW_BELOW_ZOOM = 0.5;
