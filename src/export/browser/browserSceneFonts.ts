import regularUrl from '@fontsource/inter/files/inter-latin-400-normal.woff?inline';
import boldUrl from '@fontsource/inter/files/inter-latin-700-normal.woff?inline';
import { sceneFont } from '../scene/sceneFont.ts';
import type { SceneFonts } from '../scene/SceneInput.ts';

/** A data: URL's bytes, decoded here: the single file's CSP allows no fetch, even of data: URLs. */
const bytesOf = (dataUrl: string) =>
  Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));

let fonts: SceneFonts | null = null;

/** The scene's fonts, inlined into the export chunk (never a request of their own). */
export function browserSceneFonts(): SceneFonts {
  fonts ??= { regular: sceneFont(bytesOf(regularUrl), 400), bold: sceneFont(bytesOf(boldUrl), 700) };
  return fonts;
}
