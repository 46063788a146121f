import { usePlayer } from '../store/index.ts';
import type { PlayerState, ThemeChoice } from '../store/index.ts';

const THEMES: readonly (readonly [ThemeChoice, string])[] = [
  ['system', 'System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['projector', 'Projector'],
];

const selectTheme = (s: PlayerState) => s.theme;
const selectSetTheme = (s: PlayerState) => s.setTheme;

/** Light, dark, projector, or follow the system. */
export function ThemePicker() {
  const theme = usePlayer(selectTheme);
  const setTheme = usePlayer(selectSetTheme);
  return (
    <label className="rt-field">
      <span>Theme</span>
      <select
        value={theme}
        onChange={(e) => {
          const chosen = THEMES.find(([value]) => value === e.currentTarget.value);
          if (chosen) setTheme(chosen[0]);
        }}
      >
        {THEMES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
