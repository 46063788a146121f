import { selectTheme, usePlayer } from '../store/react.ts';
import type { PlayerState, ThemeChoice } from '../store/react.ts';
import { ChoiceSelect } from './ChoiceSelect.tsx';

const THEMES: readonly (readonly [ThemeChoice, string])[] = [
  ['system', 'System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['projector', 'Projector'],
];

const selectSetTheme = (s: PlayerState) => s.setTheme;

/** Light, dark, projector, or follow the system. */
export function ThemePicker() {
  const theme = usePlayer(selectTheme);
  const setTheme = usePlayer(selectSetTheme);
  return <ChoiceSelect label="Theme" value={theme} choices={THEMES} onChange={setTheme} />;
}
