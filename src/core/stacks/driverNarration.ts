import type { Database } from '../model/stack.ts';
import type { LanguageProfile } from './types.ts';

/**
 * What the driver does with a result that has just arrived, in the words of the handler's language:
 * "The driver turns it into a Python dict for the handler." `rows` is the number of rows or documents a
 * read returned, or 'inserted' for a write that created one.
 */
export function driverNarration(profile: LanguageProfile, db: Database, rows: number | 'inserted'): string {
  if (rows === 'inserted') {
    return db === 'mongodb'
      ? 'The driver gave the document its _id before sending it, so it hands that id to the handler.'
      : 'The driver hands the new row’s id to the handler.';
  }
  if (rows === 0) return 'The driver hands the handler an empty result.';
  const [one, many] = profile.rowObjects[db];
  return rows === 1
    ? `The driver turns it into ${one} for the handler.`
    : `The driver turns them into ${many} for the handler.`;
}
