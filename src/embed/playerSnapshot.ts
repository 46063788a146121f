import type { PlayerState } from '../store/index.ts';

/**
 * The state the embedding API reports: scenario, 1-based step, step count, playing (not the one-hop
 * animation of Next), the step's title.
 */
export interface PlayerSnapshot {
  readonly scenario: string;
  readonly step: number;
  readonly stepCount: number;
  readonly playing: boolean;
  readonly title: string;
}

export function playerSnapshot(s: PlayerState): PlayerSnapshot {
  return {
    scenario: s.scenarioId,
    step: s.playback.step + 1,
    stepCount: s.timeline.steps.length,
    playing: s.playback.mode === 'playing',
    title: s.timeline.steps[s.playback.step]?.title ?? '',
  };
}
