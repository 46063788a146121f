import { initialPlayback, nodeBadges, nodeStateAt, packetsInFlight } from '../../core/index.ts';
import { DIAGRAM_METRICS } from '../../ui/diagram/diagramMetrics.ts';
import { edgeGeometry } from '../../ui/diagram/edgeGeometry.ts';
import type { EdgeStatus } from '../../ui/diagram/edgeStatus.ts';
import { firstCrossing } from '../../ui/diagram/firstCrossing.ts';
import { layoutFor } from '../../ui/diagram/layoutFor.ts';
import { linkKey } from '../../ui/diagram/linkKey.ts';
import { stepLabel } from '../../ui/stepLabel.ts';
import { base64 } from './base64.ts';
import { drawCaption } from './drawCaption.ts';
import { drawHeader } from './drawHeader.ts';
import { drawNode } from './drawNode.ts';
import { drawPacket } from './drawPacket.ts';
import type { SceneFont } from './sceneFont.ts';
import { sceneCredit } from './sceneCredit.ts';
import type { SceneInput } from './SceneInput.ts';
import { SCENE_PALETTES } from './sceneTheme.ts';
import { r } from './svgText.ts';

const faces = new WeakMap<SceneFont, string>();

/** The font embedded in the picture, so a browser, PowerPoint or Keynote draws the text resvg draws. */
function fontFace(font: SceneFont): string {
  let face = faces.get(font);
  if (!face) {
    face = `@font-face{font-family:'${font.family}';font-weight:${font.weight};font-style:normal;src:url(data:font/woff;base64,${base64(font.woff)}) format('woff');}`;
    faces.set(font, face);
  }
  return face;
}

/** Room around the layout for the role tags above a node, the work label below and the packets' stack. */
const HEADROOM = { top: 60, bottom: 30, side: 12 };

/**
 * One moment of a timeline as an SVG document: the diagram's own layout (layoutFor), links drawn
 * visited, current or idle, the machines with the current hop's marked, the packets in flight where
 * the live diagram puts them, the caption, a phase legend and a credit line. Pure: the same input
 * gives the same bytes, in a browser, a Worker or Node.
 */
export function renderScene(input: SceneInput): string {
  const { timeline, theme, width, height, fonts } = input;
  const palette = SCENE_PALETTES[theme];
  const projector = theme === 'projector';
  const unit = height / 1080;
  const margin = 32 * unit;
  const headerSize = (projector ? 24 : 20) * unit;
  const captionSize = (projector ? 38 : 30) * unit;
  const captionLines = 3;
  const captionHeight = input.captions ? captionLines * captionSize * 1.3 + 2 * 18 * unit : 0;
  const top = margin + headerSize * 1.4 + 16 * unit;
  const bottom = height - margin - (input.captions ? captionHeight + 20 * unit : 0);

  const metrics = DIAGRAM_METRICS[projector ? 'projector' : 'regular'];
  const layout = layoutFor(timeline, metrics);
  const boxW = layout.width + 2 * HEADROOM.side;
  const boxH = layout.height + HEADROOM.top + HEADROOM.bottom;
  const scale = Math.min((width - 2 * margin) / boxW, (bottom - top) / boxH);
  const offsetX = (width - boxW * scale) / 2 + HEADROOM.side * scale;
  const offsetY = top + (bottom - top - boxH * scale) / 2 + HEADROOM.top * scale;

  const step = timeline.steps[input.step];
  const currentKey = step && step.from !== step.to ? linkKey(step.from, step.to) : null;
  const crossed = firstCrossing(timeline);
  const edges = timeline.links.flatMap((link) => {
    const a = layout.byId.get(link.from);
    const b = layout.byId.get(link.to);
    if (!a || !b) return [];
    const key = linkKey(link.from, link.to);
    const first = crossed.get(key);
    const status: EdgeStatus =
      key === currentKey ? 'current' : first !== undefined && first < input.step ? 'visited' : 'idle';
    return [{ status, path: edgeGeometry(a, b).path }];
  });
  const strokes = {
    idle: { color: palette.edgeIdle, width: projector ? 3 : 2, dash: ' stroke-dasharray="6 6"' },
    visited: { color: palette.edgeVisited, width: projector ? 4 : 2.5, dash: '' },
    current: { color: palette.accent, width: projector ? 8 : 5, dash: '' },
  } as const;
  const order = { idle: 0, visited: 1, current: 2 } as const;
  const edgeSvg = [...edges]
    .sort((x, y) => order[x.status] - order[y.status])
    .map(({ status, path }) => {
      const s = strokes[status];
      return `<path d="${path}" fill="none" stroke="${s.color}" stroke-width="${s.width}"${s.dash}/>`;
    })
    .join('');
  const state = nodeStateAt(timeline, input.step);
  const nodeSvg = layout.placements
    .map((p) => drawNode(p, step, nodeBadges(p.node, state[p.node.id]), projector, palette, fonts))
    .join('');
  const position = initialPlayback({ step: input.step, progress: input.progress });
  const packets = packetsInFlight(position, timeline);
  const packetSvg = packets
    .map((p, i) =>
      drawPacket(
        layout,
        p.step,
        p.progress,
        packets.length - 1 - i,
        p.step.index === input.step,
        metrics,
        palette,
        fonts,
      ),
    )
    .join('');

  const header = drawHeader(
    sceneCredit(timeline),
    { x: margin, y: margin, width: width - 2 * margin, size: headerSize },
    palette,
    fonts,
  );
  let caption = '';
  if (input.captions && step) {
    const y = height - margin - captionHeight;
    caption = `<rect x="${r(margin)}" y="${r(y)}" width="${r(width - 2 * margin)}" height="${r(captionHeight)}" rx="${r(10 * unit)}" fill="${palette.surface}" stroke="${palette.border}" stroke-width="${r(2 * unit)}"/>`;
    caption += drawCaption(
      `${stepLabel(input.step, timeline.steps.length)}: ${step.title}.`,
      step.narration,
      {
        x: margin + 24 * unit,
        y: y + 18 * unit,
        width: width - 2 * margin - 48 * unit,
        size: captionSize,
        maxLines: captionLines,
      },
      palette,
      fonts,
    );
  }
  const title = step ? `${stepLabel(input.step, timeline.steps.length)}: ${step.title}` : timeline.title;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escTitle(title)}</title>`,
    `<style>${fontFace(fonts.regular)}${fontFace(fonts.bold)}</style>`,
    `<rect width="${width}" height="${height}" fill="${palette.bg}"/>`,
    header,
    `<g transform="translate(${r(offsetX)} ${r(offsetY)}) scale(${r4(scale)})">`,
    edgeSvg,
    nodeSvg,
    packetSvg,
    '</g>',
    caption,
    '</svg>',
  ].join('');
}

const escTitle = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const r4 = (n: number) => String(Math.round(n * 10000) / 10000);
