import { usePlayer } from '../store/index.ts';
import type { PlayerState } from '../store/index.ts';
import { ScenarioPicker } from './pickers/ScenarioPicker.tsx';
import { StackPicker } from './pickers/StackPicker.tsx';
import { ThemePicker } from './ThemePicker.tsx';

const selectSetOverlay = (s: PlayerState) => s.setOverlay;

/** The top bar: name, scenario and stack pickers, theme, and the keys help. */
export function Header() {
  const setOverlay = usePlayer(selectSetOverlay);
  return (
    <header className="rt-header">
      <h1 className="rt-brand">Roundtrip</h1>
      <ScenarioPicker />
      <div className="rt-stack">
        <StackPicker />
        <ThemePicker />
        <button
          type="button"
          className="rt-button rt-button--small"
          onClick={() => setOverlay('help')}
          aria-keyshortcuts="?"
        >
          Keys
        </button>
      </div>
    </header>
  );
}
