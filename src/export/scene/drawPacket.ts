import type { Step } from '../../core/index.ts';
import type { DiagramLayout } from '../../ui/diagram/layoutDiagram.ts';
import { packetPoint } from '../../ui/diagram/packetPoint.ts';
import type { SceneFonts } from './SceneInput.ts';
import type { ScenePalette } from './sceneTheme.ts';
import { baselineIn, fit, measure, r, textLine } from './svgText.ts';

/** diagram.css's .rt-packet: 22 px lines, 3 × 12 px padding, a 2 px border, at most 176 px wide. */
const MAX_WIDTH = 176;
const HEIGHT = 22 + 6 + 4;
const STACK_GAP = 38;
const NOTCH = 12;

/**
 * A packet as Packet.tsx draws it: a round pill with → for a request, a flag notched on its right
 * end with ← for a response, in its phase's colour, hanging from its point on the link by how far
 * along it is; older packets of a flight stacked above and drawn at 0.9.
 */
export function drawPacket(
  layout: DiagramLayout,
  step: Step,
  progress: number,
  stackIndex: number,
  current: boolean,
  projector: boolean,
  palette: ScenePalette,
  fonts: SceneFonts,
): string {
  const place = packetPoint(layout, step, progress);
  if (!place) return '';
  const size = projector ? 16 : 14;
  const response = step.direction === 'response';
  const arrow = response ? '←' : '→';
  const chrome = 2 + 12 + measure(arrow, fonts.bold, size) + 6 + (response ? 22 : 12) + 2;
  const label = fit(step.message.summary, fonts.bold, size, MAX_WIDTH - chrome);
  const width = Math.min(MAX_WIDTH, chrome + measure(label, fonts.bold, size));
  const left = place.x - place.along * width;
  const top = place.y - HEIGHT / 2 - stackIndex * STACK_GAP;
  const fill = palette.phaseFill[step.phase];
  const ink = palette.phaseInk[step.phase];
  const outline = response
    ? `<path d="M${r(left + 1)} ${r(top + 1)}H${r(left + width - 1)}L${r(left + width - 1 - NOTCH)} ${r(top + HEIGHT / 2)}L${r(left + width - 1)} ${r(top + HEIGHT - 1)}H${r(left + 1)}Z" fill="${fill}" stroke="#000000" stroke-opacity="0.75" stroke-width="2" stroke-linejoin="round"/>`
    : `<rect x="${r(left + 1)}" y="${r(top + 1)}" width="${r(width - 2)}" height="${HEIGHT - 2}" rx="${(HEIGHT - 2) / 2}" fill="${fill}" stroke="#000000" stroke-opacity="0.75" stroke-width="2"/>`;
  const baseline = baselineIn(top, HEIGHT, fonts.bold, size);
  const style = { font: fonts.bold, size, fill: ink };
  const text =
    textLine(arrow, left + 14, baseline, style) +
    textLine(label, left + 14 + measure(arrow, fonts.bold, size) + 6, baseline, style);
  const body = outline + text;
  if (current) return `<g data-step="${step.id}">${body}</g>`;
  const cx = left + width / 2;
  const cy = top + HEIGHT / 2;
  return `<g data-step="${step.id}" transform="translate(${r(cx)} ${r(cy)}) scale(0.9) translate(${r(-cx)} ${r(-cy)})">${body}</g>`;
}
