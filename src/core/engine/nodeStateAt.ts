import type { NodeState } from '../model/nodes.ts';
import type { Timeline } from '../model/timeline.ts';

/** What every node knows once step `stepIndex` has happened (initial state plus each step's changes). */
export function nodeStateAt(timeline: Timeline, stepIndex: number): Readonly<Record<string, NodeState>> {
  const state: Record<string, Record<string, string>> = {};
  for (const [node, values] of Object.entries(timeline.initialState)) state[node] = { ...values };
  const last = Math.min(stepIndex, timeline.steps.length - 1);
  for (let i = 0; i <= last; i++) {
    for (const change of timeline.steps[i]?.changes ?? []) {
      const node = (state[change.node] ??= {});
      if (change.value === null) delete node[change.key];
      else node[change.key] = change.value;
    }
  }
  return state;
}
