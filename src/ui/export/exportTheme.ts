import type { SceneThemeName } from '../../export/scene/sceneTheme.ts';
import type { ThemeChoice } from '../../store/index.ts';

/** The picture's theme: the player's, with "system" resolved as the page resolves it now. */
export function exportTheme(choice: ThemeChoice): SceneThemeName {
  if (choice !== 'system') return choice;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
