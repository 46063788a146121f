import { getViewportForBounds } from '@xyflow/react';
import type { Rect, Viewport } from '@xyflow/react';
import type { CameraMode } from '../../core/index.ts';
import { FIT_OPTIONS, FOLLOW_MAX_OVER_LEGIBLE, followInset, MIN_ZOOM } from './fitOptions.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

export interface BoxSize {
  readonly width: number;
  readonly height: number;
  /** Pixels at the box's bottom under the camera's buttons and the journey's map (measured). */
  readonly covered?: number;
}

/** "Whole journey" (everything, however small) or "Follow the hop" (the link's camera=whole|follow). */
export type { CameraMode };

export interface CameraRequest {
  readonly mode: CameraMode;
  /** The current hop's machines (node ids): always whole on screen when following. */
  readonly hop: readonly string[];
  /** Their neighbours, shown as context where they fit. */
  readonly context: readonly string[];
  /** Flow units below the hop's cards that must show too (a working machine's step label). */
  readonly below?: number;
  /** Flow units kept below the whole diagram for a step label on its bottom row (every step alike). */
  readonly labelRoom?: number;
  /** The least zoom at which the diagram's text meets its floor (diagramMetrics' legibleZoom). */
  readonly legible: number;
}

export interface CameraShot {
  readonly viewport: Viewport;
  /** Every machine is on screen (the journey's map is not needed). */
  readonly showsAll: boolean;
}

/** The smallest rectangle around the layout's nodes with these ids, or null if none is placed. */
export function boundsOf(layout: DiagramLayout, ids: readonly string[]): Rect | null {
  const places = ids.flatMap((id) => layout.byId.get(id) ?? []);
  if (places.length === 0) return null;
  const left = Math.min(...places.map((p) => p.x));
  const top = Math.min(...places.map((p) => p.y));
  const right = Math.max(...places.map((p) => p.x + p.width));
  const bottom = Math.max(...places.map((p) => p.y + p.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The whole diagram fitted into a box, as "Whole journey" frames it, with `labelRoom` flow units below
 * it for a working machine's step label on the bottom row.
 */
export function wholeViewport(layout: DiagramLayout, box: BoxSize, labelRoom = 0): Viewport {
  const bounds = { x: 0, y: 0, width: layout.width, height: layout.height + labelRoom };
  return getViewportForBounds(
    bounds,
    box.width,
    box.height,
    MIN_ZOOM,
    FIT_OPTIONS.maxZoom,
    FIT_OPTIONS.padding,
  );
}

const fitZoom = (r: Rect, width: number, height: number) =>
  Math.min(width / Math.max(r.width, 1), height / Math.max(r.height, 1));

/**
 * Where a window `span` flow units long is centred on one axis: on `want`, but kept over the
 * diagram (`0..size`) so no empty space shows on one side while the other is cut; the whole axis
 * centred when it fits.
 */
function centreOn(want: number, span: number, size: number): number {
  if (span >= size) return size / 2;
  return Math.min(Math.max(want, span / 2), size - span / 2);
}

/**
 * Where the camera stands (a pure function of the layout, the box and the step, so it is right in
 * the very frame the box changes size). "Whole journey" fits everything. "Follow the hop" shows
 * everything too when that is legible; otherwise it zooms to the legible zoom or closer (at most
 * FOLLOW_MAX_OVER_LEGIBLE times it) so the hop's machines are whole with as many of their neighbours
 * as fit, never past the diagram's edges where more of it could show.
 */
export function cameraViewport(layout: DiagramLayout, box: BoxSize, request: CameraRequest): CameraShot {
  const whole = wholeViewport(layout, box, request.labelRoom);
  if (request.mode === 'whole' || whole.zoom >= request.legible) return { viewport: whole, showsAll: true };
  const cards = boundsOf(layout, request.hop);
  if (!cards) return { viewport: whole, showsAll: true };
  const hop = { ...cards, height: cards.height + (request.below ?? 0) };
  const around = boundsOf(layout, [...request.hop, ...request.context]) ?? hop;
  const context = { ...around, height: Math.max(around.height, hop.y + hop.height - around.y) };
  const inset = followInset(box.width, box.covered);
  const inner = {
    left: inset.left,
    top: inset.top,
    width: Math.max(box.width - inset.left - inset.right, 1),
    height: Math.max(box.height - inset.top - inset.bottom, 1),
  };
  const wanted = Math.min(
    Math.max(fitZoom(context, inner.width, inner.height), request.legible),
    request.legible * FOLLOW_MAX_OVER_LEGIBLE,
  );
  // The hop whole comes first: where even the legible zoom cannot hold it, zoom out to hold it.
  const zoom = Math.max(Math.min(wanted, fitZoom(hop, inner.width, inner.height)), MIN_ZOOM);
  const spanX = inner.width / zoom;
  const spanY = inner.height / zoom;
  const target = context.width <= spanX && context.height <= spanY ? context : hop;
  let cx = centreOn(target.x + target.width / 2, spanX, layout.width);
  let cy = centreOn(target.y + target.height / 2, spanY, layout.height);
  // Never let the centring on the diagram push the hop out of the window.
  cx = Math.min(Math.max(cx, hop.x + hop.width - spanX / 2), hop.x + spanX / 2);
  cy = Math.min(Math.max(cy, hop.y + hop.height - spanY / 2), hop.y + spanY / 2);
  const viewport = {
    x: inner.left + inner.width / 2 - cx * zoom,
    y: inner.top + inner.height / 2 - cy * zoom,
    zoom,
  };
  const showsAll = layout.width <= spanX && layout.height <= spanY;
  return { viewport, showsAll };
}

/** A box in the diagram's bottom-right corner (the journey's map), `margin` px from both edges. */
export interface CornerBox {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
}

/** How far a machine's SENDS/RECEIVES tag (.rt-node-tag, diagram.css) reaches above its card, in flow units. */
const TAG_ABOVE = 14;

/**
 * Whether the corner box stays clear of the current hop's machines (cards, tags and a working
 * machine's step label) where `viewport` shows them, and with `everyCard` of every machine's card too
 * (a small frame, where the map would hide most of what is around the hop: at 480×270 it hid
 * PostgreSQL's and the pods' names). Where it is not clear the journey's map is not shown.
 */
export function cornerClear(
  layout: DiagramLayout,
  box: BoxSize,
  request: CameraRequest,
  viewport: Viewport,
  corner: CornerBox,
  everyCard: boolean,
): boolean {
  const cards = boundsOf(layout, request.hop);
  const hop = cards && {
    x: cards.x,
    y: cards.y - TAG_ABOVE,
    width: cards.width,
    height: cards.height + TAG_ABOVE + (request.below ?? 0),
  };
  const rects = [...(hop ? [hop] : []), ...(everyCard ? layout.placements : [])];
  const { x, y, zoom } = viewport;
  const right = box.width - corner.margin;
  const bottom = box.height - corner.margin;
  return rects.every(
    (r) =>
      x + (r.x + r.width) * zoom <= right - corner.width ||
      x + r.x * zoom >= right ||
      y + (r.y + r.height) * zoom <= bottom - corner.height ||
      y + r.y * zoom >= bottom,
  );
}
