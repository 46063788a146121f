import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { usePlayerStore } from '../../store/index.ts';
import type { PlayerState } from '../../store/index.ts';
import { FIT_OPTIONS, FOLLOW_BELOW_ZOOM } from './fitOptions.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

const hopNodes = (s: PlayerState) => {
  const step = s.timeline.steps[s.playback.step];
  return step ? [...new Set([step.from, step.to])].map((id) => ({ id })) : [];
};

/**
 * Frames the diagram: the whole picture when the topology changes and whenever its box changes size
 * (window resize, fullscreen). When the box is so small that the whole picture would be unreadable
 * (a 480×270 embed), it follows the current hop instead, step by step. Panning and zooming by hand
 * last until the next change.
 */
export function useCamera(box: RefObject<HTMLElement | null>, layout: DiagramLayout): void {
  const { fitView } = useReactFlow();
  const store = usePlayerStore();
  useEffect(() => {
    const element = box.current;
    let width = -1;
    let height = -1;
    const following = () =>
      width > 0 &&
      Math.min(width / layout.width, height / layout.height) * (1 - 2 * FIT_OPTIONS.padding) <
        FOLLOW_BELOW_ZOOM;
    const frame = (animate: boolean) => {
      const s = store.getState();
      const duration = animate && s.playback.motion ? 300 : 0;
      void (following()
        ? fitView({ nodes: hopNodes(s), padding: 0.12, maxZoom: 1, duration })
        : fitView({ ...FIT_OPTIONS, duration: 0 }));
    };
    const measure = () => {
      if (!element || (element.clientWidth === width && element.clientHeight === height)) return false;
      width = element.clientWidth;
      height = element.clientHeight;
      return true;
    };
    measure();
    frame(false);
    const unsubscribe = store.subscribe((s, prev) => {
      if (following() && (s.playback.step !== prev.playback.step || s.timeline !== prev.timeline))
        frame(true);
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
  }, [box, fitView, layout, store]);
}
