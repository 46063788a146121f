import type { Database, Language } from '../model/stack.ts';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];
export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];
export const CONTROLS = ['full', 'minimal', 'none'] as const;
export type ControlsMode = (typeof CONTROLS)[number];

/** Everything a link can say (PRODUCT.md §5, URL). */
export interface HashState {
  readonly scenario: string;
  readonly lang: Language;
  readonly db: Database;
  /** 1-based. */
  readonly step: number;
  readonly autoplay: boolean;
  readonly speed: Speed;
  readonly pause: 'hop' | 'none';
  /** null: follow the system's light or dark preference. */
  readonly theme: Theme | null;
  readonly controls: ControlsMode;
  readonly captions: boolean;
  readonly keys: boolean;
  readonly motion: 'auto' | 'off';
  readonly embed: boolean;
  readonly api: boolean;
  readonly handoff: boolean;
}

export const DEFAULT_HASH_STATE: HashState = {
  scenario: 'first-visit',
  lang: 'node',
  db: 'postgres',
  step: 1,
  autoplay: false,
  speed: 1,
  pause: 'hop',
  theme: null,
  controls: 'full',
  captions: true,
  keys: true,
  motion: 'auto',
  embed: false,
  api: false,
  handoff: false,
};
