import { selectSetOverlay, usePlayer } from '../store/react.ts';
import { FullscreenButton } from './controls/FullscreenButton.tsx';
import { CustomizeButton } from './builder/CustomizeButton.tsx';
import { ExportButton } from './export/ExportButton.tsx';
import { ScenarioPicker } from './pickers/ScenarioPicker.tsx';
import { ThemePicker } from './ThemePicker.tsx';

/**
 * The top bar, one row: name, scenario, theme and the page's actions (share, keys, fullscreen). The
 * stack and what the scenario teaches head the details column (ScenarioSetup).
 */
export function Header() {
  const setOverlay = usePlayer(selectSetOverlay);
  return (
    <header className="rt-header">
      <h1 className="rt-brand">Roundtrip</h1>
      <ScenarioPicker />
      <ThemePicker />
      <div className="rt-actions">
        <CustomizeButton />
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
    </header>
  );
}
