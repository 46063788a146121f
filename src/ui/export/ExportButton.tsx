import { lazy } from 'react';
import { LazyPanelButton } from '../LazyPanelButton.tsx';

// The menu and everything it exports with load when the menu is first opened (first-load budget).
const ExportMenu = lazy(() => import('./ExportMenu.tsx').then((m) => ({ default: m.ExportMenu })));

/** The header's "Export" button; it opens the export menu under it. */
export const ExportButton = () => (
  <LazyPanelButton label="Export" className="rt-export" loading="Loading exports…" Panel={ExportMenu} />
);
