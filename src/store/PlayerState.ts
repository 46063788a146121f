import type { Database, Language, Stack, Timeline } from '../core/index.ts';
import type { CameraMode, Pace, PlaybackState } from '../core/index.ts';

/** 'system' follows prefers-color-scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark' | 'projector';

/** Where "next" past the last step and "prev" before the first go instead (a slide deck's handoff). */
export type BeyondEnds = (direction: 'next' | 'prev') => void;

/** Which overlay covers the player, if any. */
export type Overlay = 'help' | 'share' | null;

/** What one player instance holds. */
export interface PlayerData {
  /** The built-in scenario (the one a build started from, while a build plays). */
  readonly scenarioId: string;
  /** The code of the built scenario playing ("v1.lb3.cdn.far", canonical), or null for the built-in one. */
  readonly build: string | null;
  readonly stack: Stack;
  /** Built from the scenario (or build) and stack, memoised per pair. */
  readonly timeline: Timeline;
  readonly playback: PlaybackState;
  readonly theme: ThemeChoice;
  /** Whole journey, or follow the current hop (camera=whole|follow in the link). */
  readonly camera: CameraMode;
  /** The link asked for no animation (motion=0). */
  readonly motionOff: boolean;
  /** The system asks for reduced motion. */
  readonly systemReducedMotion: boolean;
  /** The node whose state is shown, if the user picked one on the diagram. */
  readonly selectedNode: string | null;
  readonly overlay: Overlay;
  /** Short notices for the user (a malformed link parameter…), shown until dismissed. */
  readonly notices: readonly string[];
}

/** What components dispatch; every playback action calls the core's pure playback. */
export interface PlayerActions {
  play(): void;
  pause(): void;
  toggle(): void;
  next(): void;
  prev(): void;
  restart(): void;
  /** 0-based step index. */
  seekStep(index: number): void;
  seekEnd(): void;
  seekTime(ms: number): void;
  setSpeed(speed: number): void;
  setPauseAtHop(on: boolean): void;
  setPace(pace: Pace): void;
  /** Advance by elapsed wall milliseconds (called by the one animation-frame hook). */
  tick(elapsedMs: number): void;
  /** Plays a built-in scenario (leaving any build). */
  setScenario(id: string): void;
  /** Plays the build with this code (ignored if it does not decode), or with null the built-in scenario again. */
  setBuild(code: string | null): void;
  setLanguage(lang: Language): void;
  setDatabase(db: Database): void;
  setTheme(theme: ThemeChoice): void;
  setCamera(camera: CameraMode): void;
  setSystemReducedMotion(reduced: boolean): void;
  /** The link's motion=0. */
  setMotionOff(off: boolean): void;
  selectNode(id: string | null): void;
  setOverlay(overlay: Overlay): void;
  /**
   * Hands "next" past the last step and "prev" before the first to someone else (null: they stop at
   * the ends). Keys, buttons and the embedding API all go through next/prev, so all hand off alike.
   */
  setBeyondEnds(handler: BeyondEnds | null): void;
  /** Shows notices (texts from core/notices.ts); a text already given, in this call or before, is kept once. */
  notify(notices: readonly string[]): void;
  dismissNotices(): void;
}

export type PlayerState = PlayerData & PlayerActions;
