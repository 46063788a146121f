import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './ui/styles/theme.css';
import './ui/styles/layout.css';
import './ui/styles/diagram.css';
import './ui/styles/controls.css';
import './ui/styles/timeline.css';
import './ui/styles/details.css';
import './ui/styles/embed.css';
import { App } from './App.tsx';
import { holdMessages } from './embed/holdMessages.ts';
import { loadForLink } from './store/index.ts';
import type { Builds } from './store/index.ts';

// What a host posts before the player is here is kept for the embedding API (api=1 links).
const early = holdMessages(window);
const root = document.getElementById('root');
const render = (builds?: Builds) =>
  root &&
  createRoot(root).render(
    <StrictMode>
      <App held={early} {...(builds ? { builds } : {})} />
    </StrictMode>,
  );
// The stack's language profile (its handler code) is a chunk of its own, fetched first while index.html's
// "Loading Roundtrip…" shows, with the scenario's extra stages if it has any (the default scenario has none).
// A link with a built scenario loads the builder's code too (it is not in the first load otherwise): the
// builder panel's chunk, which Customize loads too, the shared code left in the entry; the build's extra
// stages are known once it has read the build.
const hash = window.location.hash;
const builds: Promise<Builds | undefined> = /[#&]build=/.test(hash)
  ? import('./ui/builder/BuilderPanel.tsx').then(
      ({ resolveBuild }) => resolveBuild,
      () => undefined,
    )
  : Promise.resolve(undefined);
void Promise.all([builds, loadForLink(hash)])
  .then(([resolve]) => (resolve ? loadForLink(hash, resolve).then(() => resolve) : undefined))
  .then(render);
