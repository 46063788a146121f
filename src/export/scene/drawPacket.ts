import type { Step } from '../../core/index.ts';
import type { DiagramMetrics } from '../../ui/diagram/diagramMetrics.ts';
import type { DiagramLayout } from '../../ui/diagram/layoutDiagram.ts';
import { labelPieces } from '../../ui/diagram/labelPieces.ts';
import { packetLeft, packetMaxWidth, packetPadding } from '../../ui/diagram/packetGeometry.ts';
import { packetPoint } from '../../ui/diagram/packetPoint.ts';
import type { SceneFont } from './sceneFont.ts';
import type { SceneFonts } from './SceneInput.ts';
import type { ScenePalette } from './sceneTheme.ts';
import { baselineIn, fit, measure, r, textLine } from './svgText.ts';

/** diagram.css's .rt-packet: lines 1.3 em, 3 px padding above and below, a 2 px border, stacked 38 px apart. */
const LINE = 1.3;
const STACK_GAP = 38;
const NOTCH = 12;

/**
 * The label's lines as the diagram wraps them: pieces (labelPieces) laid greedily into `width`,
 * words joined by a space, a piece wider than a line elided with "…".
 */
function packetLines(text: string, font: SceneFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of labelPieces(text)) {
    word.forEach((piece, i) => {
      const joined = line === '' ? piece : `${line}${i === 0 ? ' ' : ''}${piece}`;
      if (measure(joined, font, size) <= width) line = joined;
      else {
        if (line !== '') lines.push(line);
        line = fit(piece, font, size, width);
      }
    });
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A packet as Packet.tsx draws it, with the diagram's own metrics: a round pill with → for a
 * request, a flag notched on its right end with ← for a response, in its phase's colour, its label
 * wrapped as the diagram wraps it, no wider than the column gap allows, hanging from its point on
 * the link by how far along it is and clear of both cards (packetLeft); older packets of a flight
 * stacked above and drawn at 0.9.
 */
export function drawPacket(
  layout: DiagramLayout,
  step: Step,
  progress: number,
  stackIndex: number,
  current: boolean,
  metrics: DiagramMetrics,
  palette: ScenePalette,
  fonts: SceneFonts,
): string {
  const place = packetPoint(layout, step, progress);
  if (!place) return '';
  const size = metrics.smallFont;
  const lineHeight = size * LINE;
  const pad = packetPadding(metrics);
  const gap = pad / 2;
  const response = step.direction === 'response';
  const arrow = response ? '←' : '→';
  const arrowWidth = measure(arrow, fonts.bold, size);
  const chrome = 2 + pad + arrowWidth + gap + (response ? pad + 10 : pad) + 2;
  const lines = packetLines(step.message.summary, fonts.bold, size, packetMaxWidth(metrics) - chrome);
  const labelWidth = Math.max(0, ...lines.map((line) => measure(line, fonts.bold, size)));
  const width = chrome + labelWidth;
  const height = lines.length * lineHeight + 6 + 4;
  const left = packetLeft(place, width);
  const top = place.y - height / 2 - stackIndex * STACK_GAP;
  const fill = palette.phaseFill[step.phase];
  const ink = palette.phaseInk[step.phase];
  const outline = response
    ? `<path d="M${r(left + 1)} ${r(top + 1)}H${r(left + width - 1)}L${r(left + width - 1 - NOTCH)} ${r(top + height / 2)}L${r(left + width - 1)} ${r(top + height - 1)}H${r(left + 1)}Z" fill="${fill}" stroke="#000000" stroke-opacity="0.75" stroke-width="2" stroke-linejoin="round"/>`
    : `<rect x="${r(left + 1)}" y="${r(top + 1)}" width="${r(width - 2)}" height="${r(height - 2)}" rx="${r(Math.min(size, (height - 2) / 2))}" fill="${fill}" stroke="#000000" stroke-opacity="0.75" stroke-width="2"/>`;
  const style = { font: fonts.bold, size, fill: ink };
  const textLeft = left + 2 + pad + arrowWidth + gap;
  const text =
    textLine(
      arrow,
      left + 2 + pad,
      baselineIn(top + (height - lineHeight) / 2, lineHeight, fonts.bold, size),
      style,
    ) +
    lines
      .map((line, i) =>
        textLine(line, textLeft, baselineIn(top + 5 + i * lineHeight, lineHeight, fonts.bold, size), style),
      )
      .join('');
  const body = outline + text;
  if (current) return `<g data-step="${step.id}">${body}</g>`;
  const cx = left + width / 2;
  const cy = top + height / 2;
  return `<g data-step="${step.id}" transform="translate(${r(cx)} ${r(cy)}) scale(0.9) translate(${r(-cx)} ${r(-cy)})">${body}</g>`;
}
