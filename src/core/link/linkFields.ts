import * as v from 'valibot';
import { DATABASES, DEFAULT_STACK, LANGUAGES } from '../model/stack.ts';
import { initialPlayback, PACES, SPEEDS } from '../playback/index.ts';
import { DEFAULT_SCENARIO_ID, SCENARIOS } from '../scenarios/index.ts';
import { decodeBuild, encodeBuild } from '../build/buildCode.ts';
import { NOTICES } from '../notices.ts';
import { choice, field, flag } from './linkField.ts';

export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];
export const CONTROLS = ['full', 'minimal', 'none'] as const;
export type ControlsMode = (typeof CONTROLS)[number];
/** The whole journey, or follow the current hop with its neighbours (PRODUCT.md §5). */
export const CAMERAS = ['whole', 'follow'] as const;
export type CameraMode = (typeof CAMERAS)[number];

const player = initialPlayback();

/**
 * Everything a link can say (PRODUCT.md §5, URL), one entry per parameter, in the order a link writes
 * them. Adding a parameter is one entry here; the compiler then asks for what else it needs (a 'player'
 * field: how the player's state reads it and applies it, in `store/link/playerLink.ts`).
 */
export const LINK_FIELDS = {
  scenario: choice(
    'player',
    SCENARIOS.map((s) => s.id),
    DEFAULT_SCENARIO_ID,
    true,
  ),
  /** A built scenario (PRODUCT.md §5, "Built scenarios"): its code, read back in its canonical form. */
  build: field<string | null, 'player'>({
    kind: 'player',
    parse: v.pipe(
      v.string(),
      v.check((code) => decodeBuild(code).ok),
      v.transform((code) => {
        const decoded = decodeBuild(code);
        return decoded.ok ? encodeBuild(decoded.spec) : null;
      }),
    ),
    format: (code) => code,
    fallback: null,
    fallbackText: 'the scenario',
    always: false,
    explain: (code) => {
      const decoded = decodeBuild(code);
      return NOTICES.badBuild(code, decoded.ok ? 'not valid' : decoded.problem);
    },
  }),
  lang: choice('player', LANGUAGES, DEFAULT_STACK.lang, true),
  db: choice('player', DATABASES, DEFAULT_STACK.db, true),
  /** 1-based. */
  step: field<number, 'player'>({
    kind: 'player',
    parse: v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/), v.transform(Number)),
    format: String,
    fallback: 1,
    fallbackText: '1',
    always: true,
  }),
  autoplay: flag('view', false),
  speed: choice('player', SPEEDS, player.speed),
  pause: choice('player', ['hop', 'none'], player.pauseAtHop ? 'hop' : 'none'),
  pace: choice('player', PACES, player.pace),
  /** null: follow the system's light or dark preference. */
  theme: field<Theme | null, 'player'>({
    kind: 'player',
    parse: v.picklist(THEMES),
    format: (theme) => theme,
    fallback: null,
    fallbackText: 'system theme',
    always: false,
  }),
  controls: choice('view', CONTROLS, 'full'),
  captions: flag('view', true),
  keys: flag('view', true),
  motion: field<'auto' | 'off', 'player'>({
    kind: 'player',
    parse: v.pipe(
      v.picklist(['auto', '0', '1']),
      v.transform((s) => (s === '0' ? ('off' as const) : ('auto' as const))),
    ),
    format: (motion) => (motion === 'off' ? '0' : 'auto'),
    fallback: 'auto',
    fallbackText: 'auto',
    always: false,
  }),
  embed: flag('view', false),
  api: flag('view', false),
  handoff: flag('view', false),
  camera: choice('player', CAMERAS, 'follow'),
};
