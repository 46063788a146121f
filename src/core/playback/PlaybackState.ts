/** The speeds a player offers (and a link may ask for). */
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** How long a step lasts on screen: a fixed slot per step ('teaching') or its own duration ('real'). */
export const PACES = ['teaching', 'real'] as const;
export type Pace = (typeof PACES)[number];

/**
 * 'playing' runs on (stopping at each arrival when `pauseAtHop`); 'stepping' animates the current hop
 * once and stops; 'paused' stands still.
 */
export type PlayMode = 'paused' | 'playing' | 'stepping';

/** A position in a timeline and how it moves. Plain data: every function returns a new state. */
export interface PlaybackState {
  /** Index of the current step (0-based). */
  readonly step: number;
  /** 0 = the step has just begun, 1 = its packet has arrived. */
  readonly progress: number;
  readonly mode: PlayMode;
  readonly speed: Speed;
  /** Stop whenever a step arrives. */
  readonly pauseAtHop: boolean;
  /** Start again from step 1 after the last step. */
  readonly loop: boolean;
  readonly pace: Pace;
  /** False under reduced motion: a step changes in place instead of travelling. */
  readonly motion: boolean;
}
