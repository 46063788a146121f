import { createStore } from 'zustand/vanilla';
import {
  DEFAULT_SCENARIO_ID,
  DEFAULT_STACK,
  LANGUAGE_INFO,
  NOTICES,
  DATABASE_INFO,
  extrasFor,
  scenarioById,
} from '../core/index.ts';
import type { ResolvedBuild } from '../core/builder.ts';
import { stackMove } from './stackMove.ts';
import type { Stack } from '../core/index.ts';
import { playback } from '../core/index.ts';
import type { CameraMode, PlaybackState } from '../core/index.ts';
import type { BeyondEnds, PlayerData, PlayerState, ThemeChoice } from './PlayerState.ts';
import { scenarioToPlay, timelineMemo } from './timelineMemo.ts';
import { languageProfiles } from './languageProfiles.ts';
import { extraStages } from './extraStages.ts';

/** How a player starts: every field optional. `step` is 0-based. */
export interface PlayerInit {
  readonly scenarioId?: string;
  /** A build code to play instead of the scenario (played once `builds` can read it). */
  readonly build?: string | null;
  /** Reads build codes: the builder's code (core/builder.ts `resolveBuild`), loaded only when used. */
  readonly builds?: Builds;
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

/** How a player reads a build code (core/builder.ts `resolveBuild`, handed in once loaded). */
export type Builds = (code: string) => ResolvedBuild;

/** The scenario and stack a player starts on: a stack the scenario is not shown on becomes the nearest one it is. */
export function playerStart(init: PlayerInit): { readonly scenarioId: string; readonly stack: Stack } {
  const scenarioId = scenarioById(init.scenarioId ?? '') ? (init.scenarioId as string) : DEFAULT_SCENARIO_ID;
  const stack = init.build
    ? (init.stack ?? DEFAULT_STACK)
    : stackMove(scenarioId, init.stack ?? DEFAULT_STACK).stack;
  return { scenarioId, stack };
}

/**
 * One store per player instance (as React Flow does): the state of a player and the actions on it. What the
 * start needs must be loaded (the stack's language profile and the scenario's extra stages, as `loadForLink`
 * does); what a later move needs is loaded when the player moves, and the move happens once it has arrived.
 */
export function createPlayerStore(init: PlayerInit = {}) {
  const timelineFor = timelineMemo();
  // A stack the scenario is not shown on becomes the nearest one it is (the link's notices say why).
  const { scenarioId, stack } = playerStart(init);
  let builds = init.builds ?? null;
  const resolve = (code: string | null | undefined) => (code && builds ? builds(code) : null);
  const first = resolve(init.build);
  const timeline = timelineFor(scenarioId, first?.ok ? first.scenario : null, stack);
  if (!timeline)
    throw new Error(
      `Load the ${stack.lang} profile and the scenario's extra stages before a player starts on them.`,
    );
  const motionOff = init.motionOff ?? false;
  const systemReducedMotion = init.systemReducedMotion ?? false;
  let start = playback.initialPlayback({ ...init.playback, motion: !motionOff && !systemReducedMotion });
  if (init.step !== undefined && init.step > 0) start = playback.seekStep(start, timeline, init.step);
  if (init.autoplay) start = playback.play(start, timeline);

  let beyondEnds: BeyondEnds | null = null;
  /** Where a move goes: a scenario (or a build) on a stack. */
  interface Move {
    readonly id: string;
    readonly next: ResolvedBuild | null;
    readonly stack: Stack;
  }
  /**
   * The latest move that waits for a language profile or a scenario's extra stages (an earlier one is dropped
   * when they arrive): a choice made meanwhile (the Database right after the Language, the Language right
   * after a Scenario) starts from where that move goes.
   */
  let awaited: Move | null = null;

  return createStore<PlayerState>()((set, get) => {
    /** Where the player is, or is on its way to while what it needs loads. */
    const target = (): Move =>
      awaited ?? { id: get().scenarioId, next: resolve(get().build), stack: get().stack };
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
      const to = target();
      const { notice } = to.next?.ok ? { notice: null } : stackMove(to.id, wanted, to.stack);
      if (notice) get().notify([notice]);
      else rebuild(to.id, to.next, wanted);
    };
    /** Rebuilds the timeline for a scenario (or build) and stack, keeping the step when it still exists. */
    const rebuild = (id: string, next: ResolvedBuild | null, nextStack: Stack) => {
      const state = get();
      const built = next?.ok ? next : null;
      const nextTimeline = timelineFor(id, built?.scenario ?? null, nextStack);
      const move: Move = { id, next, stack: nextStack };
      awaited = nextTimeline ? null : move;
      if (!nextTimeline) {
        // Its language's profile and its scenario's extra stages are fetched first; the player stays where it
        // is until they arrive.
        const scenario = scenarioToPlay(id, built?.scenario ?? null);
        const failed = (notice: string) => () => notice;
        void Promise.all([
          languageProfiles
            .load(nextStack.lang)
            .then(() => null, failed(NOTICES.profileUnavailable(LANGUAGE_INFO[nextStack.lang].label))),
          extraStages.load(extrasFor(scenario, nextStack)).then(
            () => null,
            failed(
              // A database's stages (MySQL's, MongoDB's) missing when the scenario's own are there.
              extraStages.get(extrasFor(scenario, { ...nextStack, db: 'postgres' }))
                ? NOTICES.databaseUnavailable(DATABASE_INFO[nextStack.db].name)
                : NOTICES.extrasUnavailable(scenario.title),
            ),
          ),
        ]).then((results) => {
          if (awaited !== move) return;
          const notices = results.filter((notice) => notice !== null);
          if (notices.length === 0) return rebuild(id, next, nextStack);
          awaited = null;
          get().notify(notices);
        });
        return;
      }
      if (nextTimeline === state.timeline) return;
      const paused = playback.pause(state.playback);
      const kept =
        state.playback.step < nextTimeline.steps.length
          ? playback.seekStep(paused, nextTimeline, state.playback.step)
          : playback.restart(paused);
      set({
        scenarioId: id,
        build: built?.code ?? null,
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
      build: first?.ok ? first.code : null,
      buildProblem: first && !first.ok ? first.problem : null,
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
        const { stack: fitted, notice } = stackMove(id, target().stack);
        rebuild(id, null, fitted);
        if (notice) get().notify([notice]);
      },
      setBuild: (code) => {
        const next = resolve(code);
        // Without the builder's code nothing can be said yet: the page loads it and sets the build again.
        set({ buildProblem: next && !next.ok ? next.problem : null });
        if (code === null || next?.ok) rebuild(target().id, next, target().stack);
      },
      installBuilds: (resolver) => {
        builds = resolver;
      },
      setLanguage: (lang) => changeStack({ ...target().stack, lang }),
      setDatabase: (db) => changeStack({ ...target().stack, db }),
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
