import { useReactFlow } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { usePlayerStore } from '../../store/react.ts';
import { loadMotion } from '../motion/loadMotion.ts';
import { cameraViewport, cornerClear } from './cameraViewport.ts';
import type { BoxSize } from './cameraViewport.ts';
import { cameraRequest } from './cameraRequest.ts';
import { MAP_SIZE } from './JourneyMap.tsx';
import type { DiagramMetrics } from './diagramMetrics.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

/** How long the camera takes from one hop to the next, in seconds (motion's unit). */
const MOVE_S = 0.45;

/** A viewport as React Flow writes it on `.react-flow__viewport` (its toTransformString), so a move ends on the same string. */
const transformOf = (v: Viewport) => `translate(${v.x}px,${v.y}px) scale(${v.zoom})`;

/** Where the camera is seen now, mid-move included (the running animation's value). */
function seenAt(element: HTMLElement): Viewport {
  const m = new DOMMatrixReadOnly(getComputedStyle(element).transform);
  return { x: m.e, y: m.f, zoom: m.a };
}

/** React Flow's margin around the buttons' panel, and the map's own (diagram.css). */
const PANEL_MARGIN = 15;
const MAP_MARGIN = 8;
/** A diagram of at most this many px² (a 480×270 embed's is 480×~200) shows the map only where it covers no machine. */
const SMALL_VIEW = 640 * 300;
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
 * cover, with their margins: the follow camera keeps the hop above them. A small view keeps no room
 * for the map (it shows only where it covers no machine): its height goes to the hop.
 */
function coveredBelow(element: HTMLElement | null, room: number, small: boolean): number {
  const buttons = element?.querySelector<HTMLElement>('.rt-diagram-controls');
  const underButtons = buttons ? PANEL_MARGIN + buttons.offsetHeight : 0;
  const underMap = room > 0 && !small ? MAP_SIZE.height + 2 * MAP_MARGIN + 2 : 0;
  return Math.max(underButtons, underMap);
}

const same = (a: Viewport, b: Viewport): boolean =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;

/**
 * Frames the diagram (cameraViewport): at once when the box or the view changes size, the layout or
 * the camera mode changes; with a smooth move from hop to hop (motion/mini's animate, loaded on the
 * first move: a Web Animation of the viewport's transform, played by the compositor, so a move costs
 * the main thread no work per frame).
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
    // The move under way: a Web Animation of the viewport's transform (motion/mini's animate), which the
    // compositor plays. React Flow already stands at the move's end, so nothing re-renders while it plays.
    let moving: { cancel(): void } | null = null;
    const viewportElement = () => element?.querySelector<HTMLElement>('.react-flow__viewport') ?? null;
    const frame = (animate: boolean) => {
      const s = store.getState();
      if (size.width <= 0 || size.height <= 0) return;
      const request = cameraRequest(s, metrics, viewHeight);
      const shot = cameraViewport(layout, size, request);
      setShowsAll(shot.showsAll);
      // No map where it would cover the hop (the camera keeps room for it, but a small view cannot).
      const corner = { width: room + 2, height: MAP_SIZE.height + 2, margin: MAP_MARGIN };
      const small = size.width * size.height <= SMALL_VIEW;
      setMapWidth(room > 0 && cornerClear(layout, size, request, shot.viewport, corner, small) ? room : 0);
      const id = ++move;
      const view = viewportElement();
      // Mid-move, the next move starts where the camera is seen, not where React Flow already stands.
      const from = moving && view ? seenAt(view) : getViewport();
      const wasMoving = moving !== null;
      moving?.cancel();
      moving = null;
      if (!animate || !s.playback.motion || !view) {
        void setViewport(shot.viewport);
        return;
      }
      // Where the camera already stands (the whole journey fits, or the next hop is in the same
      // frame) nothing moves: no animation, and React Flow and its map are not re-rendered.
      if (same(from, shot.viewport)) {
        if (wasMoving) void setViewport(shot.viewport);
        return;
      }
      const to = shot.viewport;
      loadMotion().then(
        ({ animate: animateElement }) => {
          if (id !== move) return;
          void setViewport(to);
          // Where React Flow stands now (it clamps the zoom to its bounds): the move ends exactly there.
          const end = getViewport();
          const controls = animateElement(
            view,
            { transform: [transformOf(from), transformOf(end)] },
            // Faster playback, a quicker move: at 4× a hop is over before a 450 ms move would be.
            { duration: MOVE_S / Math.max(s.playback.speed, 1), ease: [0.33, 0, 0.2, 1] },
          );
          moving = controls;
          void controls.finished.then(() => {
            if (moving === controls) moving = null;
          });
        },
        // Without the library (its chunk failed to load), the camera still goes to the hop.
        () => id === move && void setViewport(to),
      );
    };
    // A hand on the diagram (drag, pinch, Ctrl + wheel) takes the camera from a move still playing.
    const takeOver = () => {
      if (!moving) return;
      moving.cancel();
      moving = null;
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
        covered: coveredBelow(element, room, element.clientWidth * element.clientHeight <= SMALL_VIEW),
      };
      return changed;
    };
    measure();
    frame(false);
    reframe.current = () => frame(true);
    // motion's chunk (3 KB gzip) is fetched a second after the diagram shows, so the first move does not wait for it.
    const warm = setTimeout(() => {
      if (store.getState().playback.motion) void loadMotion().catch(() => undefined);
    }, 1000);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.camera !== prev.camera || s.timeline !== prev.timeline) frame(false);
      else if (s.playback.step !== prev.playback.step && s.camera === 'follow') frame(true);
    });
    const onResize = () => measure() && frame(false);
    const observer = element && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(onResize) : null;
    if (element) observer?.observe(element);
    window.addEventListener('resize', onResize);
    element?.addEventListener('pointerdown', takeOver, true);
    element?.addEventListener('wheel', takeOver, { capture: true, passive: true });
    return () => {
      clearTimeout(warm);
      move++;
      takeOver();
      element?.removeEventListener('pointerdown', takeOver, true);
      element?.removeEventListener('wheel', takeOver, true);
      unsubscribe();
      observer?.disconnect();
      window.removeEventListener('resize', onResize);
    };
  }, [box, setViewport, getViewport, layout, metrics, store]);
  return { showsAll, mapWidth, reframe: () => reframe.current() };
}
