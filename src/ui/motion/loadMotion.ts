import type * as Motion from './motionParts.ts';

/** The parts of motion the UI uses, loaded on the first move that needs them (not part of the first load). */
let loading: Promise<typeof Motion> | null = null;

export function loadMotion(): Promise<typeof Motion> {
  // A failed fetch (offline for a moment) is tried again on the next move.
  loading ??= import('./motionParts.ts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
