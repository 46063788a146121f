import { useEffect, useRef } from 'react';
import { usePlayer } from '../store/index.ts';
import type { PlayerState } from '../store/index.ts';

const KEYS: readonly (readonly [string, string])[] = [
  ['→  ↓  Page Down  N  Enter', 'Next step'],
  ['←  ↑  Page Up  P  Backspace', 'Previous step'],
  ['Space  K', 'Play / pause'],
  ['Home  End', 'First / last step'],
  ['R', 'Restart'],
  ['F', 'Fullscreen'],
  ['?', 'Show or hide these keys'],
  ['Esc', 'Close a panel'],
];

const selectOpen = (s: PlayerState) => s.overlay === 'help';
const selectSetOverlay = (s: PlayerState) => s.setOverlay;

/** The "?" overlay listing the keys. Focus moves into it and back to where it was when it closes. */
export function HelpOverlay() {
  const open = usePlayer(selectOpen);
  const setOverlay = usePlayer(selectSetOverlay);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    return () => before?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="rt-overlay" onClick={() => setOverlay(null)}>
      <div
        className="rt-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rt-help-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // One control inside: Tab stays on it, as a modal dialog should keep focus.
          if (e.key === 'Tab') {
            e.preventDefault();
            closeButton.current?.focus();
          }
        }}
      >
        <h2 id="rt-help-title">Keyboard</h2>
        <table className="rt-keys">
          <tbody>
            {KEYS.map(([keys, action]) => (
              <tr key={action}>
                <th scope="row">
                  {keys.split('  ').map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </th>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="rt-muted">B, . and / are left to your slide deck.</p>
        <button type="button" className="rt-button" ref={closeButton} onClick={() => setOverlay(null)}>
          Close
        </button>
      </div>
    </div>
  );
}
