import type { Timeline } from '../../core/index.ts';
import { scenarioTimeAt } from '../../core/index.ts';
import type { PlaybackState } from '../../core/index.ts';

/** How far a step's packet has travelled at the current position (0..1); the current step uses its own progress. */
export function progressOfStep(playback: PlaybackState, timeline: Timeline, index: number): number {
  if (index === playback.step) return playback.progress;
  const step = timeline.steps[index];
  if (!step) return 0;
  if (index > playback.step) return 0;
  if (step.durationMs <= 0) return 1;
  const raw = (scenarioTimeAt(playback, timeline) - step.startMs) / step.durationMs;
  return Math.min(Math.max(raw, 0), 1);
}
