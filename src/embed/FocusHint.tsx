import { useEffect, useState } from 'react';

const hasFocus = () => typeof document !== 'undefined' && document.hasFocus();

/** A quiet "Click to control" while the frame does not have the keyboard (keys go to the host page). */
export function FocusHint() {
  const [focused, setFocused] = useState(hasFocus);
  useEffect(() => {
    const update = () => setFocused(hasFocus());
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    return () => {
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
    };
  }, []);
  if (focused) return null;
  return (
    <p className="rt-focus-hint" aria-hidden="true">
      Click to control
    </p>
  );
}
