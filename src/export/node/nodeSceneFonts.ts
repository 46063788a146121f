import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sceneFont } from '../scene/sceneFont.ts';
import type { SceneFonts } from '../scene/SceneInput.ts';

const require = createRequire(import.meta.url);
const woff = (weight: 400 | 700) =>
  new Uint8Array(readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)));

let fonts: SceneFonts | null = null;

/** The scene's fonts read from @fontsource/inter in node_modules (once per process). */
export function nodeSceneFonts(): SceneFonts {
  fonts ??= { regular: sceneFont(woff(400), 400), bold: sceneFont(woff(700), 700) };
  return fonts;
}
