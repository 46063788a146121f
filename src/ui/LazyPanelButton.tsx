import { Suspense, useRef, useState } from 'react';
import type { ComponentType } from 'react';

/**
 * A header button that opens a panel under it, the panel's code loaded (React.lazy) when it is first
 * opened, so it stays out of the first load. Closing the panel gives the focus back to the button.
 */
export function LazyPanelButton({
  label,
  className,
  loading,
  Panel,
}: {
  label: string;
  className: string;
  /** Shown (as a status) while the panel's code loads. */
  loading: string;
  Panel: ComponentType<{ onClose: () => void }>;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className={className}>
      <button
        ref={button}
        type="button"
        className="rt-button rt-button--small"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open && (
        <Suspense
          fallback={
            <p className={`${className}-loading`} role="status">
              {loading}
            </p>
          }
        >
          <Panel onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
