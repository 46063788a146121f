import type { Timeline } from '../../model/timeline.ts';
import type { Pace, PlaybackState, PlayMode } from '../PlaybackState.ts';
import { initialPlayback } from '../initialPlayback.ts';
import { next } from '../next.ts';
import { pause } from '../pause.ts';
import { play } from '../play.ts';
import { prev } from '../prev.ts';
import { restart } from '../restart.ts';
import { seekStep } from '../seekStep.ts';
import { seekTime } from '../seekTime.ts';
import { setLoop } from '../setLoop.ts';
import { setMotion } from '../setMotion.ts';
import { setPace } from '../setPace.ts';
import { setPauseAtHop } from '../setPauseAtHop.ts';
import { setSpeed } from '../setSpeed.ts';
import { tick } from '../tick.ts';
import { toggle } from '../toggle.ts';

const fail = (message: string): never => {
  throw new Error(message);
};

/**
 * A chainable driver with a hand-cranked clock, in the manner of tldraw's test editor:
 * `player(t).play().tick(500).expectStep('tcp-syn')`. Throws plain errors, so it needs no test runner.
 */
export class PlayerDriver {
  state: PlaybackState;

  constructor(
    readonly timeline: Timeline,
    overrides: Partial<PlaybackState> = {},
  ) {
    this.state = initialPlayback(overrides);
  }

  private apply(change: (s: PlaybackState) => PlaybackState): this {
    this.state = change(this.state);
    return this;
  }

  play = () => this.apply((s) => play(s, this.timeline));
  pause = () => this.apply(pause);
  toggle = () => this.apply((s) => toggle(s, this.timeline));
  next = () => this.apply((s) => next(s, this.timeline));
  prev = () => this.apply((s) => prev(s, this.timeline));
  restart = () => this.apply(restart);
  seekStep = (index: number) => this.apply((s) => seekStep(s, this.timeline, index));
  seekTime = (ms: number) => this.apply((s) => seekTime(s, this.timeline, ms));
  speed = (speed: number) => this.apply((s) => setSpeed(s, speed));
  pauseAtHop = (on: boolean) => this.apply((s) => setPauseAtHop(s, on));
  loop = (on: boolean) => this.apply((s) => setLoop(s, on));
  pace = (pace: Pace) => this.apply((s) => setPace(s, pace));
  motion = (on: boolean) => this.apply((s) => setMotion(s, on));
  /** Advances the hand-cranked clock by `ms` wall milliseconds, in one go. */
  tick = (ms: number) => this.apply((s) => tick(s, this.timeline, ms));
  /** Advances in frames of `frameMs`, as requestAnimationFrame would. */
  frames = (count: number, frameMs = 1000 / 60) => {
    for (let i = 0; i < count; i++) this.tick(frameMs);
    return this;
  };

  expectStep = (id: string) => {
    const actual = this.timeline.steps[this.state.step]?.id;
    return actual === id ? this : fail(`expected step ${id}, got ${String(actual)}`);
  };
  expectProgress = (progress: number, precision = 1e-6) =>
    Math.abs(this.state.progress - progress) <= precision
      ? this
      : fail(`expected progress ${progress}, got ${this.state.progress}`);
  expectMode = (mode: PlayMode) =>
    this.state.mode === mode ? this : fail(`expected mode ${mode}, got ${this.state.mode}`);
}

/** Starts a driver on a timeline. */
export const player = (timeline: Timeline, overrides: Partial<PlaybackState> = {}): PlayerDriver =>
  new PlayerDriver(timeline, overrides);
