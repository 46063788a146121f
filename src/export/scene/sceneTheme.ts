import type { Phase } from '../../core/index.ts';

export const SCENE_THEMES = ['light', 'dark', 'projector'] as const;
export type SceneThemeName = (typeof SCENE_THEMES)[number];

/** The colours of one theme, resolved as theme.css resolves them (a picture has no light-dark()). */
export interface ScenePalette {
  readonly bg: string;
  readonly surface: string;
  readonly text: string;
  readonly textMuted: string;
  readonly border: string;
  readonly edgeIdle: string;
  readonly edgeVisited: string;
  readonly accent: string;
  readonly accentText: string;
  readonly highlightBg: string;
  readonly phaseFill: Readonly<Record<Phase, string>>;
  readonly phaseInk: Readonly<Record<Phase, string>>;
}

const OKABE_ITO: Record<Phase, string> = {
  dns: '#56b4e9',
  connect: '#e69f00',
  tls: '#cc79a7',
  request: '#0072b2',
  server: '#009e73',
  database: '#d55e00',
  response: '#f0e442',
};
const BLACK_INK: Record<Phase, string> = {
  dns: '#000000',
  connect: '#000000',
  tls: '#000000',
  request: '#ffffff',
  server: '#000000',
  database: '#000000',
  response: '#000000',
};

/** theme.css's tokens, light and dark branches of light-dark() and the projector's own values. */
export const SCENE_PALETTES: Readonly<Record<SceneThemeName, ScenePalette>> = {
  light: {
    bg: '#f4f5f7',
    surface: '#ffffff',
    text: '#16181d',
    textMuted: '#464d5a',
    border: '#b9bfca',
    edgeIdle: '#9aa2b1',
    edgeVisited: '#3b4352',
    accent: '#0072b2',
    accentText: '#ffffff',
    highlightBg: '#fff4c2',
    phaseFill: OKABE_ITO,
    phaseInk: BLACK_INK,
  },
  dark: {
    bg: '#0f1115',
    surface: '#181b22',
    text: '#eef0f4',
    textMuted: '#b7bdc9',
    border: '#465062',
    edgeIdle: '#5d6678',
    edgeVisited: '#aab2c2',
    accent: '#56b4e9',
    accentText: '#0f1115',
    highlightBg: '#3a3414',
    phaseFill: OKABE_ITO,
    phaseInk: BLACK_INK,
  },
  projector: {
    bg: '#000000',
    surface: '#0b0b0b',
    text: '#ffffff',
    textMuted: '#e6e6e6',
    border: '#8c8c8c',
    edgeIdle: '#8c8c8c',
    edgeVisited: '#ffffff',
    accent: '#56b4e9',
    accentText: '#0f1115',
    highlightBg: '#2e2a10',
    phaseFill: {
      ...OKABE_ITO,
      tls: '#cf80ab',
      request: '#54a1cb',
      server: '#21ab85',
      database: '#de8036',
    },
    phaseInk: { ...BLACK_INK, request: '#000000' },
  },
};
