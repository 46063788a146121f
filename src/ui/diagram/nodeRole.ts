import type { Step } from '../../core/index.ts';

/** What a node does in a step: sends, receives, works alone, or nothing. */
export type NodeRole = 'from' | 'to' | 'local' | 'idle';

export function nodeRole(step: Step | undefined, id: string): NodeRole {
  if (!step) return 'idle';
  if (step.from === id && step.to === id) return 'local';
  if (step.from === id) return 'from';
  return step.to === id ? 'to' : 'idle';
}
