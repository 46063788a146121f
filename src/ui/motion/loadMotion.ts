import type * as Motion from 'motion';

/** The motion library, loaded on the first move that needs it (it is not part of the first load). */
let loading: Promise<typeof Motion> | null = null;

export function loadMotion(): Promise<typeof Motion> {
  loading ??= import('motion');
  return loading;
}
