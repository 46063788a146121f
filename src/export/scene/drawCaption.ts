import type { SceneFont } from './sceneFont.ts';
import type { SceneFonts } from './SceneInput.ts';
import type { ScenePalette } from './sceneTheme.ts';
import { baselineIn, measure, textLine } from './svgText.ts';

interface Word {
  readonly text: string;
  readonly font: SceneFont;
}

/**
 * The caption as StatusCaption shows it, "**Step N of M: title.** narration", wrapped into at most
 * `maxLines` lines of `width` (the last cut with …), each line a run of bold then regular words.
 */
export function drawCaption(
  lead: string,
  body: string,
  box: { x: number; y: number; width: number; size: number; maxLines: number },
  palette: ScenePalette,
  fonts: SceneFonts,
): string {
  const words: Word[] = [
    ...lead
      .split(/\s+/)
      .filter(Boolean)
      .map((text) => ({ text, font: fonts.bold })),
    ...body
      .split(/\s+/)
      .filter(Boolean)
      .map((text) => ({ text, font: fonts.regular })),
  ];
  const { size, width, maxLines } = box;
  const space = (font: SceneFont) => measure(' ', font, size);
  const lines: Word[][] = [[]];
  let used = 0;
  for (const word of words) {
    const line = lines[lines.length - 1] ?? [];
    const w = measure(word.text, word.font, size);
    if (line.length > 0 && used + space(word.font) + w > width) {
      if (lines.length === maxLines) {
        const last = line[line.length - 1];
        if (last) {
          let text = last.text;
          while (
            text.length > 1 &&
            used - measure(last.text, last.font, size) + measure(`${text}…`, last.font, size) > width
          )
            text = text.slice(0, -1);
          line[line.length - 1] = { text: `${text}…`, font: last.font };
        }
        break;
      }
      lines.push([word]);
      used = w;
    } else {
      line.push(word);
      used += (line.length > 1 ? space(word.font) : 0) + w;
    }
  }
  const lineHeight = size * 1.3;
  let out = '';
  lines.forEach((line, i) => {
    const baseline = baselineIn(box.y + i * lineHeight, lineHeight, fonts.regular, size);
    let x = box.x;
    let run = '';
    let runFont: SceneFont | null = null;
    const flush = () => {
      if (runFont && run) {
        out += textLine(run, x, baseline, { font: runFont, size, fill: palette.text });
        x += measure(run, runFont, size);
      }
      run = '';
    };
    for (const word of line) {
      if (word.font !== runFont) {
        flush();
        if (runFont) run = ' ';
        runFont = word.font;
        run += word.text;
      } else run += ` ${word.text}`;
    }
    flush();
  });
  return out;
}
