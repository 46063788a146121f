import { getViewportForBounds } from '@xyflow/react';
import type { Rect, Viewport } from '@xyflow/react';
import { FIT_OPTIONS, FOLLOW_BELOW_ZOOM, HOP_FIT_OPTIONS, MIN_ZOOM } from './fitOptions.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

/** The smallest rectangle around the layout's nodes with these ids, or null if none is placed. */
function boundsOf(layout: DiagramLayout, ids: readonly string[]): Rect | null {
  const places = ids.flatMap((id) => layout.byId.get(id) ?? []);
  if (places.length === 0) return null;
  const left = Math.min(...places.map((p) => p.x));
  const top = Math.min(...places.map((p) => p.y));
  const right = Math.max(...places.map((p) => p.x + p.width));
  const bottom = Math.max(...places.map((p) => p.y + p.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The whole diagram fitted into a box, as the Fit button frames it. */
export function wholeViewport(layout: DiagramLayout, box: BoxSize): Viewport {
  const bounds = { x: 0, y: 0, width: layout.width, height: layout.height };
  return getViewportForBounds(
    bounds,
    box.width,
    box.height,
    MIN_ZOOM,
    FIT_OPTIONS.maxZoom,
    FIT_OPTIONS.padding,
  );
}

/**
 * Where the camera stands for a box: the whole diagram, unless that is too small to read (below
 * FOLLOW_BELOW_ZOOM, as in a 480×270 embed); then the nodes of the current hop (`hop`, node ids).
 * Computed from the layout, not from React Flow's measurements, so it is right in the very frame the
 * box changes size.
 */
export function cameraViewport(layout: DiagramLayout, box: BoxSize, hop: readonly string[]): Viewport {
  const whole = wholeViewport(layout, box);
  const bounds = whole.zoom < FOLLOW_BELOW_ZOOM ? boundsOf(layout, hop) : null;
  return bounds
    ? getViewportForBounds(
        bounds,
        box.width,
        box.height,
        MIN_ZOOM,
        HOP_FIT_OPTIONS.maxZoom,
        HOP_FIT_OPTIONS.padding,
      )
    : whole;
}
