import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { RefObject } from 'react';

export const FIT_OPTIONS = { padding: 0.06, maxZoom: 1.6 } as const;

/**
 * Fits the whole diagram when the topology changes and whenever its box changes size (window
 * resize, fullscreen), so the picture is always whole; panning and zooming last until then.
 */
export function useFitOnResize(box: RefObject<HTMLElement | null>, topologyKey: string): void {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const element = box.current;
    void fitView(FIT_OPTIONS);
    if (!element || typeof ResizeObserver === 'undefined') return;
    let width = element.clientWidth;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width && element.clientHeight === height) return;
      width = element.clientWidth;
      height = element.clientHeight;
      void fitView(FIT_OPTIONS);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, fitView, topologyKey]);
}
