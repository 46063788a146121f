import type * as Motion from './motionParts.ts';

/** The parts of motion the UI uses, loaded on the first move that needs them (not part of the first load). */
let loading: Promise<typeof Motion> | null = null;

export function loadMotion(): Promise<typeof Motion> {
  loading ??= import('./motionParts.ts');
  return loading;
}
