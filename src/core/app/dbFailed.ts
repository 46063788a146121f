import type { HttpResponse } from '../model/messages.ts';

/** The database work did not happen: the response the app sends instead (its 500), or null when it never answers. */
export interface DbFailed {
  readonly failed: HttpResponse | null;
}

export const isFailed = (x: unknown): x is DbFailed =>
  typeof x === 'object' && x !== null && 'failed' in x && !Array.isArray(x);
