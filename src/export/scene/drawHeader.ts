import { PHASES } from '../../core/index.ts';
import { PHASE_INFO } from '../../ui/phaseInfo.ts';
import type { SceneFonts } from './SceneInput.ts';
import type { ScenePalette } from './sceneTheme.ts';
import { baselineIn, fit, measure, r, textLine } from './svgText.ts';

/**
 * The line above the diagram: the credit "Roundtrip · scenario · stack" on the left, the phase
 * legend (a swatch and the phase's name each, so colour is never the only signal) on the right.
 */
export function drawHeader(
  credit: string,
  box: { x: number; y: number; width: number; size: number },
  palette: ScenePalette,
  fonts: SceneFonts,
): string {
  const { x, y, width, size } = box;
  const lineHeight = size * 1.4;
  const swatch = size * 0.9;
  const gap = size * 0.9;
  const items = PHASES.map((phase) => ({ phase, label: PHASE_INFO[phase].label }));
  const legendWidth = items.reduce(
    (sum, item) => sum + swatch + size * 0.35 + measure(item.label, fonts.regular, size) + gap,
    -gap,
  );
  let out = '';
  let at = x + width - legendWidth;
  const baseline = baselineIn(y, lineHeight, fonts.regular, size);
  for (const { phase, label } of items) {
    out += `<rect x="${r(at)}" y="${r(y + (lineHeight - swatch) / 2)}" width="${r(swatch)}" height="${r(swatch)}" rx="${r(swatch / 4)}" fill="${palette.phaseFill[phase]}" stroke="${palette.border}"/>`;
    at += swatch + size * 0.35;
    out += textLine(label, at, baseline, { font: fonts.regular, size, fill: palette.textMuted });
    at += measure(label, fonts.regular, size) + gap;
  }
  const creditWidth = width - legendWidth - size * 2;
  out += textLine(
    fit(credit, fonts.bold, size, creditWidth),
    x,
    baselineIn(y, lineHeight, fonts.bold, size),
    {
      font: fonts.bold,
      size,
      fill: palette.text,
    },
  );
  return out;
}
