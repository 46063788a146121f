import { selectSetOverlay, usePlayer } from '../store/react.ts';
import { FullscreenButton } from './controls/FullscreenButton.tsx';
import { ExportButton } from './export/ExportButton.tsx';
import { ScenarioPicker } from './pickers/ScenarioPicker.tsx';
import { StackPicker } from './pickers/StackPicker.tsx';
import { ThemePicker } from './ThemePicker.tsx';

/**
 * The top bar. First row: name, scenario, and the page's actions (share, keys, fullscreen); second
 * row: what the scenario teaches, and the stack and theme.
 */
export function Header() {
  const setOverlay = usePlayer(selectSetOverlay);
  return (
    <header className="rt-header">
      <h1 className="rt-brand">Roundtrip</h1>
      <ScenarioPicker />
      <div className="rt-actions">
        <button
          type="button"
          className="rt-button rt-button--small"
          aria-haspopup="dialog"
          onClick={() => setOverlay('share')}
        >
          Share
        </button>
        <ExportButton />
        <button
          type="button"
          className="rt-button rt-button--small"
          aria-haspopup="dialog"
          onClick={() => setOverlay('help')}
          aria-keyshortcuts="?"
        >
          Keys
        </button>
        <FullscreenButton />
      </div>
      <div className="rt-stack">
        <StackPicker />
        <ThemePicker />
      </div>
    </header>
  );
}
