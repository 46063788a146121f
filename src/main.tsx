import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './ui/styles/theme.css';
import './ui/styles/layout.css';
import './ui/styles/diagram.css';
import './ui/styles/controls.css';
import './ui/styles/details.css';
import './ui/styles/embed.css';
import { App } from './App.tsx';

import type { Builds } from './store/index.ts';

const root = document.getElementById('root');
const render = (builds?: Builds) =>
  root &&
  createRoot(root).render(
    <StrictMode>
      <App {...(builds ? { builds } : {})} />
    </StrictMode>,
  );
// A link with a built scenario loads the builder's code first (it is not in the first load otherwise).
// The builder panel's chunk, which Customize loads too: one lazy chunk, the shared code left in the entry.
if (/[#&]build=/.test(window.location.hash))
  void import('./ui/builder/BuilderPanel.tsx').then(
    ({ resolveBuild }) => render(resolveBuild),
    () => render(),
  );
else render();
