import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { usePlayerStore } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { cameraViewport, wholeViewport } from './cameraViewport.ts';
import type { BoxSize } from './cameraViewport.ts';
import { FOLLOW_BELOW_ZOOM } from './fitOptions.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

const hopIds = (s: PlayerState): string[] => {
  const step = s.timeline.steps[s.playback.step];
  return step ? [...new Set([step.from, step.to])] : [];
};

/**
 * Frames the diagram: the whole picture when the topology changes and whenever its box changes size
 * (window resize, fullscreen, a notice above). When the box is so small that the whole picture would
 * be unreadable (a 480×270 embed), it follows the current hop instead, step by step. Panning and
 * zooming by hand last until the next change.
 */
export function useCamera(box: RefObject<HTMLElement | null>, layout: DiagramLayout): void {
  const { setViewport } = useReactFlow();
  const store = usePlayerStore();
  useEffect(() => {
    const element = box.current;
    let size: BoxSize = { width: 0, height: 0 };
    // Decided when the box is measured, not on every store change (that is every frame while playing).
    let following = false;
    const frame = (animate: boolean) => {
      const s = store.getState();
      if (size.width <= 0 || size.height <= 0) return;
      const duration = animate && s.playback.motion ? 300 : 0;
      void setViewport(cameraViewport(layout, size, hopIds(s)), { duration });
    };
    const measure = () => {
      if (!element || (element.clientWidth === size.width && element.clientHeight === size.height))
        return false;
      size = { width: element.clientWidth, height: element.clientHeight };
      following = wholeViewport(layout, size).zoom < FOLLOW_BELOW_ZOOM;
      return true;
    };
    measure();
    frame(false);
    const unsubscribe = store.subscribe((s, prev) => {
      if (following && (s.playback.step !== prev.playback.step || s.timeline !== prev.timeline)) frame(true);
    });
    const observer =
      element && typeof ResizeObserver !== 'undefined'
        ? new ResizeObserver(() => measure() && frame(false))
        : null;
    if (element) observer?.observe(element);
    return () => {
      unsubscribe();
      observer?.disconnect();
    };
  }, [box, setViewport, layout, store]);
}
