import type { Step, Timeline } from '../model/timeline.ts';
import type { PlaybackState } from './PlaybackState.ts';
import { activeSteps } from './activeSteps.ts';
import { scenarioTimeAt } from './scenarioTimeAt.ts';
import { stepProgress } from './stepProgress.ts';

/** A packet to draw: a step that travels between two nodes, and how far it has gone (0..1, `stepProgress`). */
export interface PacketInFlight {
  readonly step: Step;
  readonly progress: number;
}

/**
 * What travels at the current position: the current step's packet, plus earlier steps still on the
 * wire at this moment of the scenario (the TLS server flight goes out together). Work inside one node
 * (direction 'local') never travels. At most `limit` packets, the current one last (drawn on top).
 */
export function packetsInFlight(
  state: PlaybackState,
  timeline: Timeline,
  limit = 6,
): readonly PacketInFlight[] {
  const current = timeline.steps[state.step];
  if (!current) return [];
  const now = scenarioTimeAt(state, timeline);
  const earlier: PacketInFlight[] = [];
  for (const step of activeSteps(timeline, now)) {
    if (step.index >= current.index || step.direction === 'local') continue;
    if (step.startMs + step.durationMs <= now) continue;
    earlier.push({ step, progress: stepProgress(state, timeline, step.index) });
  }
  const own =
    current.direction === 'local'
      ? []
      : [{ step: current, progress: stepProgress(state, timeline, current.index) }];
  return [...earlier.slice(Math.max(0, earlier.length - (limit - own.length))), ...own];
}
