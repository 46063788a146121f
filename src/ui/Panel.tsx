import type { ReactNode } from 'react';
import { usePlayerStore } from '../store/react.ts';
import { PanelBoundary } from './PanelBoundary.tsx';

/** A part of the player that fails alone: a render error shows a message and Reset, not a white page. */
export function Panel({ name, children }: { name: string; children: ReactNode }) {
  const store = usePlayerStore();
  const reset = () => {
    const s = store.getState();
    s.selectNode(null);
    s.setOverlay(null);
    s.pause();
    s.seekStep(0);
  };
  return (
    <PanelBoundary name={name} onReset={reset}>
      {children}
    </PanelBoundary>
  );
}
