import { lazy } from 'react';
import { LazyPanelButton } from '../LazyPanelButton.tsx';

// The builder and its controls load when Customize is first pressed (first-load budget).
const BuilderPanel = lazy(() => import('./BuilderPanel.tsx').then((m) => ({ default: m.BuilderPanel })));

/** The header's "Customize" button; it opens the builder under it. */
export const CustomizeButton = () => (
  <LazyPanelButton
    label="Customize"
    className="rt-customize"
    loading="Loading the builder…"
    Panel={BuilderPanel}
  />
);
