import type { Pace, PlaybackState, PlayMode, Timeline } from '../../src/core/index.ts';
import { createPlayerStore } from '../../src/store/index.ts';
import type { PlayerInit, PlayerState, PlayerStore } from '../../src/store/index.ts';

const fail = (message: string): never => {
  throw new Error(message);
};

/**
 * A chainable driver over the real player store, in the manner of tldraw's `Driver` over the real
 * Editor: `player(t).play().tick(500).expectStep('dns-query')`. Every move is the store's own action,
 * so what it tests is what the UI dispatches. No React, no test runner: it throws plain errors.
 */
export class PlayerDriver {
  readonly store: PlayerStore;

  /** A timeline given here replaces the scenario's (a fixture), as if the store had built it. */
  constructor(timeline?: Timeline, init: PlayerInit = {}) {
    this.store = createPlayerStore(init);
    if (timeline) this.store.setState({ timeline });
  }

  /** The playback position now. */
  get state(): PlaybackState {
    return this.store.getState().playback;
  }

  get timeline(): Timeline {
    return this.store.getState().timeline;
  }

  private act(action: (actions: PlayerState) => void): this {
    action(this.store.getState());
    return this;
  }

  play = () => this.act((s) => s.play());
  pause = () => this.act((s) => s.pause());
  toggle = () => this.act((s) => s.toggle());
  next = () => this.act((s) => s.next());
  prev = () => this.act((s) => s.prev());
  restart = () => this.act((s) => s.restart());
  seekStep = (index: number) => this.act((s) => s.seekStep(index));
  seekTime = (ms: number) => this.act((s) => s.seekTime(ms));
  speed = (speed: number) => this.act((s) => s.setSpeed(speed));
  pauseAtHop = (on: boolean) => this.act((s) => s.setPauseAtHop(on));
  pace = (pace: Pace) => this.act((s) => s.setPace(pace));
  /** The link's motion=0 (motion stays off under the system's reduced-motion setting too). */
  motion = (on: boolean) => this.act((s) => s.setMotionOff(!on));
  /** Advances by `ms` wall milliseconds in one go, as one long frame would. */
  tick = (ms: number) => this.act((s) => s.tick(ms));
  /** Advances in frames of `frameMs`, as the animation-frame loop does. */
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

/** Starts a driver over a new player store, on a fixture timeline if one is given. */
export const player = (timeline?: Timeline, init: PlayerInit = {}): PlayerDriver =>
  new PlayerDriver(timeline, init);
