import { useEffect, useState } from 'react';
import { canFullscreen, toggleFullscreen } from '../fullscreen.ts';

/** Fullscreen (F); not shown where the page may not go fullscreen (an iframe without allow="fullscreen"). */
export function FullscreenButton() {
  const [active, setActive] = useState(
    () => typeof document !== 'undefined' && document.fullscreenElement !== null,
  );
  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  if (!canFullscreen()) return null;
  return (
    <button
      type="button"
      className="rt-button rt-icon-button"
      aria-label={active ? 'Exit fullscreen' : 'Fullscreen'}
      title={active ? 'Exit fullscreen (F)' : 'Fullscreen (F)'}
      onClick={toggleFullscreen}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          d={
            active ? 'M9 4v5H4 M15 4v5h5 M9 20v-5H4 M15 20v-5h5' : 'M4 9V4h5 M20 9V4h-5 M4 15v5h5 M20 15v5h-5'
          }
          fill="none"
          stroke="currentColor"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}
