const PATHS = {
  play: 'M8 5v14l11-7z',
  pause: 'M7 5h4v14H7z M13 5h4v14h-4z',
  prev: 'M6 5h2v14H6z M20 5v14L9 12z',
  next: 'M16 5h2v14h-2z M4 5v14l11-7z',
  restart: 'M12 5a7 7 0 1 1-6.6 4.7 M5 4v5.5h5.5',
} as const;

/** Decorative icons for the playback buttons (the buttons carry the names). */
export function ControlIcon({ name }: { name: keyof typeof PATHS }) {
  const outline = name === 'restart';
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill={outline ? 'none' : 'currentColor'}
        stroke={outline ? 'currentColor' : 'none'}
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
