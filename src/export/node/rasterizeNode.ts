import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { SceneFonts } from '../scene/SceneInput.ts';

/** resvg takes fonts as files: the scene's TrueType bytes written once per process. */
let fontFiles: string[] | null = null;
function filesOf(fonts: SceneFonts): string[] {
  if (!fontFiles) {
    const dir = join(tmpdir(), `roundtrip-fonts-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    fontFiles = [fonts.regular, fonts.bold].map((font) => {
      const path = join(dir, `${font.family}-${font.weight}.ttf`);
      writeFileSync(path, font.sfnt);
      return path;
    });
  }
  return fontFiles;
}

const render = (svg: string, fonts: SceneFonts) =>
  new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: filesOf(fonts), defaultFontFamily: fonts.regular.family },
    shapeRendering: 2,
    textRendering: 1,
  }).render();

/** A scene's SVG as PNG bytes, drawn by resvg with only the bundled font: the same on every machine. */
export function pngNode(svg: string, fonts: SceneFonts): Uint8Array {
  return new Uint8Array(render(svg, fonts).asPng());
}

/** A scene's SVG as RGBA pixels (for the GIF encoder). */
export function pixelsNode(
  svg: string,
  fonts: SceneFonts,
): { width: number; height: number; rgba: Uint8Array } {
  const image = render(svg, fonts);
  return { width: image.width, height: image.height, rgba: new Uint8Array(image.pixels) };
}
