import { createStore } from 'zustand/vanilla';
import { decodeBuild, DEFAULT_SCENARIO_ID, DEFAULT_STACK, encodeBuild, scenarioById } from '../core/index.ts';
import { stackMove } from './stackMove.ts';
import type { Stack } from '../core/index.ts';
import { playback } from '../core/index.ts';
import type { CameraMode, PlaybackState } from '../core/index.ts';
import type { BeyondEnds, PlayerData, PlayerState, ThemeChoice } from './PlayerState.ts';
import { timelineMemo } from './timelineMemo.ts';

/** How a player starts: every field optional. `step` is 0-based. */
export interface PlayerInit {
  readonly scenarioId?: string;
  /** A build code to play instead of the scenario. */
  readonly build?: string | null;
  readonly stack?: Stack;
  readonly step?: number;
  readonly playback?: Partial<Omit<PlaybackState, 'step' | 'progress' | 'mode' | 'motion'>>;
  readonly autoplay?: boolean;
  readonly theme?: ThemeChoice;
  readonly camera?: CameraMode;
  readonly motionOff?: boolean;
  readonly systemReducedMotion?: boolean;
}

export type PlayerStore = ReturnType<typeof createPlayerStore>;

/** A build code in its canonical form, or null when it does not decode. */
const canonicalBuild = (code: string | null | undefined): string | null => {
  const decoded = code ? decodeBuild(code) : null;
  return decoded?.ok ? encodeBuild(decoded.spec) : null;
};

/** One store per player instance (as React Flow does): the state of a player and the actions on it. */
export function createPlayerStore(init: PlayerInit = {}) {
  const timelineFor = timelineMemo();
  const scenarioId = scenarioById(init.scenarioId ?? '') ? (init.scenarioId as string) : DEFAULT_SCENARIO_ID;
  // A stack the scenario is not shown on becomes the nearest one it is (the link's notices say why).
  const stack = init.build
    ? (init.stack ?? DEFAULT_STACK)
    : stackMove(scenarioId, init.stack ?? DEFAULT_STACK).stack;
  const build = canonicalBuild(init.build);
  const timeline = timelineFor(scenarioId, build, stack);
  const motionOff = init.motionOff ?? false;
  const systemReducedMotion = init.systemReducedMotion ?? false;
  let start = playback.initialPlayback({ ...init.playback, motion: !motionOff && !systemReducedMotion });
  if (init.step !== undefined && init.step > 0) start = playback.seekStep(start, timeline, init.step);
  if (init.autoplay) start = playback.play(start, timeline);

  let beyondEnds: BeyondEnds | null = null;

  return createStore<PlayerState>()((set, get) => {
    /** Applies a pure playback move to the current timeline. */
    const move = (change: (p: PlaybackState, s: PlayerData) => PlaybackState) => {
      const state = get();
      const nextPlayback = change(state.playback, state);
      if (nextPlayback !== state.playback) set({ playback: nextPlayback });
    };
    /**
     * Moves to another stack, unless the scenario is not shown on it: then the stack stays and a notice says
     * why. A build is shown on every stack.
     */
    const changeStack = (wanted: Stack) => {
      const { notice } = get().build ? { notice: null } : stackMove(get().scenarioId, wanted, get().stack);
      if (notice) get().notify([notice]);
      else rebuild(get().scenarioId, get().build, wanted);
    };
    /** Rebuilds the timeline for a scenario (or build) and stack, keeping the step when it still exists. */
    const rebuild = (id: string, nextBuild: string | null, nextStack: Stack) => {
      const state = get();
      const nextTimeline = timelineFor(id, nextBuild, nextStack);
      if (nextTimeline === state.timeline) return;
      const paused = playback.pause(state.playback);
      const kept =
        state.playback.step < nextTimeline.steps.length
          ? playback.seekStep(paused, nextTimeline, state.playback.step)
          : playback.restart(paused);
      set({
        scenarioId: id,
        build: nextBuild,
        stack: nextStack,
        timeline: nextTimeline,
        playback: kept,
        selectedNode: null,
      });
    };
    const setMotionInputs = (changes: Pick<PlayerData, 'motionOff' | 'systemReducedMotion'>) => {
      const motion = !changes.motionOff && !changes.systemReducedMotion;
      set({ ...changes, playback: playback.setMotion(get().playback, motion) });
    };

    return {
      scenarioId,
      build,
      stack,
      timeline,
      playback: start,
      theme: init.theme ?? 'system',
      camera: init.camera ?? 'follow',
      motionOff,
      systemReducedMotion,
      selectedNode: null,
      overlay: null,
      notices: [],

      play: () => move((p, s) => playback.play(p, s.timeline)),
      pause: () => move(playback.pause),
      toggle: () => move((p, s) => playback.toggle(p, s.timeline)),
      next: () => {
        const { playback: p, timeline } = get();
        if (beyondEnds && playback.isAtEnd(p, timeline)) beyondEnds('next');
        else move((q, s) => playback.next(q, s.timeline));
      },
      prev: () => {
        if (beyondEnds && get().playback.step === 0) beyondEnds('prev');
        else move((p, s) => playback.prev(p, s.timeline));
      },
      restart: () => move(playback.restart),
      seekStep: (index) => move((p, s) => playback.seekStep(p, s.timeline, index)),
      seekEnd: () => move((p, s) => playback.seekStep(p, s.timeline, s.timeline.steps.length - 1)),
      seekTime: (ms) => move((p, s) => playback.seekTime(p, s.timeline, ms)),
      setSpeed: (speed) => move((p) => playback.setSpeed(p, speed)),
      setPauseAtHop: (on) => move((p) => playback.setPauseAtHop(p, on)),
      setPace: (pace) => move((p) => playback.setPace(p, pace)),
      tick: (elapsedMs) => move((p, s) => playback.tick(p, s.timeline, elapsedMs)),

      setScenario: (id) => {
        if (!scenarioById(id)) return;
        // A scenario not shown on the current stack moves to the nearest stack it is, and says why.
        const { stack: fitted, notice } = stackMove(id, get().stack);
        rebuild(id, null, fitted);
        if (notice) get().notify([notice]);
      },
      setBuild: (code) => {
        const next = canonicalBuild(code);
        if (code === null || next !== null) rebuild(get().scenarioId, next, get().stack);
      },
      setLanguage: (lang) => changeStack({ ...get().stack, lang }),
      setDatabase: (db) => changeStack({ ...get().stack, db }),
      setTheme: (theme) => set({ theme }),
      setCamera: (camera) => set({ camera }),
      setSystemReducedMotion: (reduced) =>
        setMotionInputs({ motionOff: get().motionOff, systemReducedMotion: reduced }),
      setMotionOff: (off) =>
        setMotionInputs({ motionOff: off, systemReducedMotion: get().systemReducedMotion }),
      selectNode: (id) => set({ selectedNode: id }),
      setOverlay: (overlay) => set({ overlay }),
      notify: (notices) => {
        const shown = get().notices;
        const all = [...new Set([...shown, ...notices])];
        if (all.length > shown.length) set({ notices: all });
      },
      dismissNotices: () => set({ notices: [] }),
      setBeyondEnds: (handler) => {
        beyondEnds = handler;
      },
    };
  });
}
