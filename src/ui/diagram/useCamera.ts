import { useReactFlow } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { usePlayerStore } from '../../store/react.ts';
import { loadMotion } from '../motion/loadMotion.ts';
import { cameraViewport } from './cameraViewport.ts';
import type { BoxSize } from './cameraViewport.ts';
import { cameraRequest } from './cameraRequest.ts';
import { MAP_SIZE } from './JourneyMap.tsx';
import type { DiagramMetrics } from './diagramMetrics.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

/** How long the camera takes from one hop to the next, in milliseconds (animateValue's unit). */
const MOVE_MS = 450;

const lerp = (a: Viewport, b: Viewport, t: number): Viewport => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
  zoom: a.zoom + (b.zoom - a.zoom) * t,
});

/** React Flow's margin around the buttons' panel, and the map's own (diagram.css). */
const PANEL_MARGIN = 15;
const MAP_MARGIN = 8;
/** A map narrower than this shows too little of the journey to be worth its place. */
const MAP_MIN_WIDTH = 96;

/**
 * How wide the journey's map may be beside the camera's buttons (measured: their row's width follows
 * the theme's type and the labels), never over them; 0 where less than MAP_MIN_WIDTH is left (a
 * 320 px phone: the camera follows the hop, and the buttons stay whole).
 */
function mapRoom(element: HTMLElement | null, width: number): number {
  const buttons = element?.querySelector<HTMLElement>('.rt-diagram-controls');
  const left = buttons ? PANEL_MARGIN + buttons.offsetWidth : 0;
  const room = Math.min(MAP_SIZE.width, width - left - 2 * MAP_MARGIN);
  return room >= MAP_MIN_WIDTH ? Math.floor(room) : 0;
}

/**
 * Pixels at the box's bottom that the camera's buttons and (where it has room) the journey's map
 * cover, with their margins: the follow camera keeps the hop above them.
 */
function coveredBelow(element: HTMLElement | null, room: number): number {
  const buttons = element?.querySelector<HTMLElement>('.rt-diagram-controls');
  const underButtons = buttons ? PANEL_MARGIN + buttons.offsetHeight : 0;
  const underMap = room > 0 ? MAP_SIZE.height + 2 * MAP_MARGIN + 2 : 0;
  return Math.max(underButtons, underMap);
}

const same = (a: Viewport, b: Viewport): boolean =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;

/**
 * Frames the diagram (cameraViewport): at once when the box or the view changes size, the layout or
 * the camera mode changes; with a smooth move (motion, loaded on the first move) from hop to hop.
 * In "Whole journey" a step moves nothing; panning and zooming by hand last until the next step or
 * until `reframe` (the camera buttons). Returns whether every machine is on screen (otherwise the
 * journey's map shows).
 */
export function useCamera(
  box: RefObject<HTMLElement | null>,
  layout: DiagramLayout,
  metrics: DiagramMetrics,
): { readonly showsAll: boolean; readonly mapWidth: number; readonly reframe: () => void } {
  const { setViewport, getViewport } = useReactFlow();
  const store = usePlayerStore();
  const [showsAll, setShowsAll] = useState(true);
  const [mapWidth, setMapWidth] = useState<number>(MAP_SIZE.width);
  const reframe = useRef<() => void>(() => undefined);
  useEffect(() => {
    const element = box.current;
    let size: BoxSize = { width: 0, height: 0 };
    let viewHeight = window.innerHeight;
    let move = 0;
    let room = 0;
    let stop: (() => void) | null = null;
    const frame = (animate: boolean) => {
      const s = store.getState();
      if (size.width <= 0 || size.height <= 0) return;
      const shot = cameraViewport(layout, size, cameraRequest(s, metrics, viewHeight));
      setShowsAll(shot.showsAll);
      setMapWidth(room);
      const id = ++move;
      stop?.();
      stop = null;
      if (!animate || !s.playback.motion) {
        void setViewport(shot.viewport);
        return;
      }
      const from = getViewport();
      // Where the camera already stands (the whole journey fits, or the next hop is in the same
      // frame) nothing moves: no tween re-rendering React Flow and its map for nothing.
      if (same(from, shot.viewport)) return;
      void loadMotion().then(({ animateValue }) => {
        if (id !== move) return;
        const tween = animateValue({
          keyframes: [0, 1],
          // Faster playback, a quicker move: at 4× a hop is over before a 450 ms move would be.
          duration: MOVE_MS / Math.max(s.playback.speed, 1),
          ease: [0.33, 0, 0.2, 1],
          onUpdate: (t: number) => void setViewport(lerp(from, shot.viewport, t)),
        });
        stop = () => tween.stop();
      });
    };
    const measure = () => {
      if (!element) return false;
      const changed =
        element.clientWidth !== size.width ||
        element.clientHeight !== size.height ||
        window.innerHeight !== viewHeight;
      viewHeight = window.innerHeight;
      // The buttons' size is read here, on a resize, not on every step (reading it forces a layout).
      room = mapRoom(element, element.clientWidth);
      size = {
        width: element.clientWidth,
        height: element.clientHeight,
        covered: coveredBelow(element, room),
      };
      return changed;
    };
    measure();
    frame(false);
    reframe.current = () => frame(true);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.camera !== prev.camera || s.timeline !== prev.timeline) frame(false);
      else if (s.playback.step !== prev.playback.step && s.camera === 'follow') frame(true);
    });
    const onResize = () => measure() && frame(false);
    const observer = element && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(onResize) : null;
    if (element) observer?.observe(element);
    window.addEventListener('resize', onResize);
    return () => {
      move++;
      stop?.();
      unsubscribe();
      observer?.disconnect();
      window.removeEventListener('resize', onResize);
    };
  }, [box, setViewport, getViewport, layout, metrics, store]);
  return { showsAll, mapWidth, reframe: () => reframe.current() };
}
