import { selectSetOverlay, usePlayer } from '../store/react.ts';
import type { PlayerState } from '../store/react.ts';
import { Dialog } from './Dialog.tsx';

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

/** The "?" overlay listing the keys. */
export function HelpOverlay() {
  const open = usePlayer(selectOpen);
  const setOverlay = usePlayer(selectSetOverlay);
  if (!open) return null;
  const close = () => setOverlay(null);
  return (
    <Dialog title="Keyboard" titleId="rt-help-title" onClose={close}>
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
      <button type="button" className="rt-button" onClick={close}>
        Close
      </button>
    </Dialog>
  );
}
