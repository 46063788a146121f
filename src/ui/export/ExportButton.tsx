import { lazy, Suspense, useRef, useState } from 'react';

// The menu and everything it exports with load when the menu is first opened (first-load budget).
const ExportMenu = lazy(() => import('./ExportMenu.tsx').then((m) => ({ default: m.ExportMenu })));

/** The header's "Export" button; it opens the export menu under it. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="rt-export">
      <button
        ref={button}
        type="button"
        className="rt-button rt-button--small"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        Export
      </button>
      {open && (
        <Suspense
          fallback={
            <p className="rt-export-loading" role="status">
              Loading exports…
            </p>
          }
        >
          <ExportMenu onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
