import { DEFAULT_STACK, NOTICES } from '../../core/index.ts';
import type { LinkState, PlayerLinkKey, Stack } from '../../core/index.ts';
import { stackMove } from '../stackMove.ts';
import type { PlayerInit } from '../createPlayerStore.ts';
import type { PlayerData, PlayerState } from '../PlayerState.ts';

/** How the player's state holds one 'player' field of the link. */
export interface PlayerLinkField<T> {
  /** The value the player stands at now. */
  read(s: PlayerData): T;
  /** A new player asked to start at the value. */
  init(value: T, into: PlayerInit): PlayerInit;
  /** Moves a running player to the value (called only when `read` differs). */
  apply(s: PlayerState, value: T): void;
  /** Notices for a value the player could not take as it is (a step past the end). */
  notices?(s: PlayerData, value: T): readonly string[];
}

/** The notice for a link asking for a stack its scenario is not shown on (the player took the nearest one). */
const notOnStack = (s: PlayerData, asked: Stack): readonly string[] => {
  if (asked.lang === s.stack.lang && asked.db === s.stack.db) return [];
  const { notice } = stackMove(s.scenarioId, asked, s.stack);
  return notice === null ? [] : [notice];
};

/**
 * Every 'player' field of LINK_FIELDS (the compiler asks for each one), applied in this order: the
 * step after the scenario and stack it counts in.
 */
export const PLAYER_LINK: { readonly [K in PlayerLinkKey]: PlayerLinkField<LinkState[K]> } = {
  scenario: {
    read: (s) => s.scenarioId,
    init: (scenarioId, into) => ({ ...into, scenarioId }),
    apply: (s, id) => s.setScenario(id),
  },
  build: {
    read: (s) => s.build,
    init: (build, into) => ({ ...into, build }),
    apply: (s, build) => s.setBuild(build),
  },
  lang: {
    read: (s) => s.stack.lang,
    init: (lang, into) => ({ ...into, stack: { ...(into.stack ?? DEFAULT_STACK), lang } }),
    apply: (s, lang) => s.setLanguage(lang),
    notices: (s, lang) => notOnStack(s, { ...s.stack, lang }),
  },
  db: {
    read: (s) => s.stack.db,
    init: (db, into) => ({ ...into, stack: { ...(into.stack ?? DEFAULT_STACK), db } }),
    apply: (s, db) => s.setDatabase(db),
    notices: (s, db) => notOnStack(s, { ...s.stack, db }),
  },
  step: {
    read: (s) => s.playback.step + 1,
    init: (step, into) => ({ ...into, step: step - 1 }),
    apply: (s, step) => s.seekStep(Math.min(step, s.timeline.steps.length) - 1),
    notices: (s, step) => {
      const count = s.timeline.steps.length;
      return step > count ? [NOTICES.stepOutOfRange(step, count)] : [];
    },
  },
  speed: {
    read: (s) => s.playback.speed,
    init: (speed, into) => ({ ...into, playback: { ...into.playback, speed } }),
    apply: (s, speed) => s.setSpeed(speed),
  },
  pause: {
    read: (s) => (s.playback.pauseAtHop ? 'hop' : 'none'),
    init: (pause, into) => ({ ...into, playback: { ...into.playback, pauseAtHop: pause === 'hop' } }),
    apply: (s, pause) => s.setPauseAtHop(pause === 'hop'),
  },
  pace: {
    read: (s) => s.playback.pace,
    init: (pace, into) => ({ ...into, playback: { ...into.playback, pace } }),
    apply: (s, pace) => s.setPace(pace),
  },
  theme: {
    read: (s) => (s.theme === 'system' ? null : s.theme),
    init: (theme, into) => ({ ...into, theme: theme ?? 'system' }),
    apply: (s, theme) => s.setTheme(theme ?? 'system'),
  },
  motion: {
    read: (s) => (s.motionOff ? 'off' : 'auto'),
    init: (motion, into) => ({ ...into, motionOff: motion === 'off' }),
    apply: (s, motion) => s.setMotionOff(motion === 'off'),
  },
  camera: {
    read: (s) => s.camera,
    init: (camera, into) => ({ ...into, camera }),
    apply: (s, camera) => s.setCamera(camera),
  },
};

/** The 'player' fields in the order they apply. */
export const PLAYER_LINK_KEYS = Object.keys(PLAYER_LINK) as readonly PlayerLinkKey[];

/** One field's binding, for loops over all of them (each key's value type is checked above). */
export const bindingOf = (key: PlayerLinkKey) => PLAYER_LINK[key] as PlayerLinkField<unknown>;
