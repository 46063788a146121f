import { woffToSfnt } from './woffToSfnt.ts';

/** One weight of the scene's font: its bytes for embedding and rendering, and its advance widths. */
export interface SceneFont {
  readonly family: string;
  readonly weight: 400 | 700;
  /** The WOFF as shipped, for the SVG's @font-face (browsers, PowerPoint, Keynote). */
  readonly woff: Uint8Array;
  /** The same font as TrueType, for resvg. */
  readonly sfnt: Uint8Array;
  /** Ascender and descender as fractions of the em (hhea), to place baselines without a DOM. */
  readonly ascent: number;
  readonly descent: number;
  /** Advance width of a code point in ems; 0 for a character the font lacks. */
  readonly advance: (codePoint: number) => number;
}

function tableOffsets(view: DataView): Map<string, number> {
  const offsets = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
    );
    offsets.set(tag, view.getUint32(at + 8));
  }
  return offsets;
}

/** Code point → glyph id from the cmap's Unicode BMP subtable (format 4). */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const glyphs = new Map<number, number>();
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const sub = cmap + view.getUint32(cmap + 4 + i * 8 + 4);
    if (view.getUint16(sub) !== 4) continue;
    const segments = view.getUint16(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const ranges = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const end = view.getUint16(ends + s * 2);
      const start = view.getUint16(starts + s * 2);
      const delta = view.getInt16(deltas + s * 2);
      const rangeAt = ranges + s * 2;
      const range = view.getUint16(rangeAt);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        const glyph = range === 0 ? (c + delta) & 0xffff : view.getUint16(rangeAt + range + (c - start) * 2);
        if (glyph !== 0) glyphs.set(c, range === 0 ? glyph : (glyph + delta) & 0xffff);
      }
    }
    return glyphs;
  }
  return glyphs;
}

/** Reads a WOFF font's family metrics and widths (head, hhea, hmtx, cmap), with no DOM or canvas. */
export function sceneFont(woff: Uint8Array, weight: 400 | 700, family = 'Inter'): SceneFont {
  const sfnt = woffToSfnt(woff);
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const at = tableOffsets(view);
  const head = at.get('head') ?? 0;
  const hhea = at.get('hhea') ?? 0;
  const hmtx = at.get('hmtx') ?? 0;
  const unitsPerEm = view.getUint16(head + 18);
  const metrics = view.getUint16(hhea + 34);
  const glyphs = readCmap(view, at.get('cmap') ?? 0);
  const widthOf = (glyph: number) => view.getUint16(hmtx + Math.min(glyph, metrics - 1) * 4) / unitsPerEm;
  const widths = new Map<number, number>();
  for (const [code, glyph] of glyphs) widths.set(code, widthOf(glyph));
  return {
    family,
    weight,
    woff,
    sfnt,
    ascent: view.getInt16(hhea + 4) / unitsPerEm,
    descent: -view.getInt16(hhea + 6) / unitsPerEm,
    advance: (code) => widths.get(code) ?? 0,
  };
}
