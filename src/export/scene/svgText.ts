import type { SceneFont } from './sceneFont.ts';

/** Text escaped for SVG content and attribute values. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Arrows are drawn, not typed: the bundled font's Latin subset has no → or ←. */
const ARROW_EM = 0.9;

/** Width of a text run in pixels at a font size. */
export function measure(text: string, font: SceneFont, size: number): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    ems += code === 0x2192 || code === 0x2190 ? ARROW_EM : font.advance(code);
  }
  return ems * size;
}

/** The longest prefix of `text` that fits `width`, ending in … when cut. */
export function fit(text: string, font: SceneFont, size: number, width: number): string {
  if (measure(text, font, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && measure(`${chars.join('').trimEnd()}…`, font, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Words laid into at most `maxLines` lines of `width`; the last line ends in … if text is left over. */
export function wrap(text: string, font: SceneFont, size: number, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  // A word too long for a line breaks after its dots, as the diagram's breakable() lets a name wrap.
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) =>
      measure(w, font, size) > width ? w.replace(/\.(?=.)/g, `.${GLUE}`).split(/(?<=\u200b)/) : [w],
    );
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = line ? `${line}${line.endsWith(GLUE) ? '' : ' '}${word}` : word;
    if (measure(next, font, size) <= width || !line) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(fit(`${line} ${words.slice(i).join(' ')}`.replaceAll(GLUE, ''), font, size, width));
      return lines.map((l) => l.replaceAll(GLUE, ''));
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(lines.length === maxLines - 1 ? fit(line, font, size, width) : line);
  return lines.slice(0, maxLines).map((l) => l.replaceAll(GLUE, ''));
}

/** Joins the pieces of a word broken after its dots (a zero-width space, removed from the lines). */
const GLUE = '\u200b';

export interface TextStyle {
  readonly font: SceneFont;
  readonly size: number;
  readonly fill: string;
}

/** An arrow glyph as a path, sitting on the text's x-height like the font's own would. */
function arrowPath(x: number, baseline: number, size: number, right: boolean, fill: string): string {
  const w = ARROW_EM * size;
  const y = baseline - 0.36 * size;
  const head = 0.3 * size;
  const [tail, tip] = right ? [x + 0.08 * size, x + w - 0.08 * size] : [x + w - 0.08 * size, x + 0.08 * size];
  const back = right ? tip - head : tip + head;
  return `<path d="M${r(tail)} ${r(y)}H${r(tip)}M${r(back)} ${r(y - head)}L${r(tip)} ${r(y)}L${r(back)} ${r(y + head)}" fill="none" stroke="${fill}" stroke-width="${r(size * 0.09)}" stroke-linecap="round" stroke-linejoin="round"/>`;
}

/** Two decimals are plenty at any export size and keep the SVG's bytes stable. */
export const r = (n: number): string => String(Math.round(n * 100) / 100);

/** One line of text from its left end and baseline, arrows drawn as paths. */
export function textLine(text: string, x: number, baseline: number, style: TextStyle): string {
  const { font, size, fill } = style;
  const parts = text.split(/([→←])/).filter(Boolean);
  let at = x;
  let out = '';
  for (const part of parts) {
    if (part === '→' || part === '←') {
      out += arrowPath(at, baseline, size, part === '→', fill);
    } else {
      out += `<text x="${r(at)}" y="${r(baseline)}" font-family="${font.family}" font-weight="${font.weight}" font-size="${r(size)}" fill="${fill}" xml:space="preserve">${esc(part)}</text>`;
    }
    at += measure(part, font, size);
  }
  return out;
}

/** The baseline of a line of `size` text centred in a box of `lineHeight` starting at `top`. */
export function baselineIn(top: number, lineHeight: number, font: SceneFont, size: number): number {
  return top + (lineHeight - (font.ascent + font.descent) * size) / 2 + font.ascent * size;
}
