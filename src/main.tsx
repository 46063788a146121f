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

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
