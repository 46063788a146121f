import type { NodeBadge, Step } from '../../core/index.ts';
import type { NodePlacement } from '../../ui/diagram/layoutDiagram.ts';
import { NODE_ICON_PATHS } from '../../ui/diagram/nodeIconPaths.ts';
import { nodeRole } from '../../ui/diagram/nodeRole.ts';
import type { SceneFonts } from './SceneInput.ts';
import type { ScenePalette } from './sceneTheme.ts';
import { baselineIn, fit, measure, r, textLine, wrap } from './svgText.ts';

const ROLE_TAG = { from: 'SENDS', to: 'RECEIVES', local: 'WORKING', idle: null } as const;

/** Sizes of diagram.css, regular and projector (names wrap in the projector theme; both show the icon, as the screen does). */
const NODE_TYPE = {
  regular: { name: 19, nameLine: 1.2, nameLines: 1, role: 15, roleLines: 2, border: 2 },
  projector: { name: 26, nameLine: 1.1, nameLines: 2, role: 19, roleLines: 3, border: 3 },
} as const;

/** A machine as SimNodeCard draws it: card, icon, name, role, its state line (NodeBadges), its part in the step. */
export function drawNode(
  place: NodePlacement,
  step: Step | undefined,
  badges: readonly NodeBadge[],
  projector: boolean,
  palette: ScenePalette,
  fonts: SceneFonts,
): string {
  const { x, y, width, node } = place;
  const type = NODE_TYPE[projector ? 'projector' : 'regular'];
  // The state line's row (layoutDiagram gave the card its height) leaves the rest to the icon, name and role.
  const badgeRow = node.badges?.length ? Math.ceil(type.role * 1.25) + 10 : 0;
  const height = place.height - badgeRow;
  const role = nodeRole(step, node.id);
  const active = role !== 'idle';
  let out = '';
  if (active)
    out += `<rect x="${r(x - 5)}" y="${r(y - 5)}" width="${r(width + 10)}" height="${r(place.height + 10)}" rx="15" fill="${palette.accent}" fill-opacity="0.25"/>`;
  const border = active ? Math.max(type.border, 3) : type.border;
  out += `<rect x="${r(x + border / 2)}" y="${r(y + border / 2)}" width="${r(width - border)}" height="${r(place.height - border)}" rx="${r(10 - border / 2)}" fill="${palette.surface}" stroke="${active ? palette.accent : palette.border}" stroke-width="${border}"/>`;
  const padX = 10 + border;
  let textX = x + padX;
  const s = 30 / 24;
  out += `<path d="${NODE_ICON_PATHS[node.kind]}" transform="translate(${r(textX)} ${r(y + height / 2 - 15)}) scale(${s})" fill="none" stroke="${palette.accent}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`;
  textX += 30 + 8;
  const textWidth = x + width - padX - textX;
  const names =
    type.nameLines === 1
      ? [fit(node.name, fonts.bold, type.name, textWidth)]
      : wrap(node.name, fonts.bold, type.name, textWidth, type.nameLines);
  const roles = wrap(node.role, fonts.regular, type.role, textWidth, type.roleLines);
  const nameLine = type.name * type.nameLine;
  const roleLine = type.role * 1.25;
  let top = y + (height - names.length * nameLine - roles.length * roleLine) / 2;
  for (const line of names) {
    out += textLine(line, textX, baselineIn(top, nameLine, fonts.bold, type.name), {
      font: fonts.bold,
      size: type.name,
      fill: palette.text,
    });
    top += nameLine;
  }
  for (const line of roles) {
    out += textLine(line, textX, baselineIn(top, roleLine, fonts.regular, type.role), {
      font: fonts.regular,
      size: type.role,
      fill: palette.textMuted,
    });
    top += roleLine;
  }
  let chipX = x + padX;
  for (const badge of badges) {
    const w = measure(badge.text, fonts.regular, type.role) + 12;
    const strong = /^(DOWN|Not ready|failing)/.test(badge.text);
    out += `<rect x="${r(chipX)}" y="${r(y + height)}" width="${r(w)}" height="${r(badgeRow - 8)}" rx="6" fill="${palette.surface}" stroke="${strong ? palette.text : palette.border}"${strong ? ' stroke-dasharray="4 3"' : ''}/>`;
    out += textLine(badge.text, chipX + 6, baselineIn(y + height, badgeRow - 8, fonts.regular, type.role), {
      font: strong ? fonts.bold : fonts.regular,
      size: type.role,
      fill: palette.text,
    });
    chipX += w + 6;
  }
  const tag = ROLE_TAG[role];
  if (tag) {
    const tagWidth = measure(tag, fonts.bold, 12) + 16 + tag.length * 0.48;
    const tagX = x + width - 10 - tagWidth;
    out += `<rect x="${r(tagX)}" y="${r(y - 13)}" width="${r(tagWidth)}" height="20" rx="10" fill="${palette.accent}"/>`;
    out += `<text x="${r(tagX + 8)}" y="${r(baselineIn(y - 13, 20, fonts.bold, 12))}" font-family="${fonts.bold.family}" font-weight="700" font-size="12" letter-spacing="0.48" fill="${palette.accentText}">${tag}</text>`;
  }
  if (role === 'local' && step) {
    const label = fit(step.message.summary, fonts.bold, 15, width - 20);
    const w = Math.min(width, measure(label, fonts.bold, 15) + 20);
    const top = badgeRow ? y + place.height - 4 : y + height - 13;
    out += `<rect x="${r(x + (width - w) / 2)}" y="${r(top)}" width="${r(w)}" height="26" rx="6" fill="${palette.highlightBg}" stroke="${palette.border}"/>`;
    out += textLine(label, x + (width - w) / 2 + 10, baselineIn(top, 26, fonts.bold, 15), {
      font: fonts.bold,
      size: 15,
      fill: palette.text,
    });
  }
  return out;
}
