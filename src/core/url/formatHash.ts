import { DEFAULT_HASH_STATE } from './HashState.ts';
import type { HashState } from './HashState.ts';

const encode = (key: keyof HashState, value: HashState[keyof HashState]): string => {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (key === 'motion') return value === 'off' ? '0' : 'auto';
  return String(value);
};

/** Parameters a link always carries, so it reopens the same scenario, stack and step. */
const ALWAYS: readonly (keyof HashState)[] = ['scenario', 'lang', 'db', 'step'];

/**
 * Writes a state as a location hash: scenario, stack and step always, everything else only where it
 * differs from the default. `parseHash(formatHash(s))` gives `s` back.
 */
export function formatHash(state: HashState): string {
  const parts: string[] = [];
  for (const key of Object.keys(DEFAULT_HASH_STATE) as (keyof HashState)[]) {
    const value = state[key];
    if (value === null) continue;
    if (!ALWAYS.includes(key) && value === DEFAULT_HASH_STATE[key]) continue;
    parts.push(`${key}=${encodeURIComponent(encode(key, value))}`);
  }
  return `#${parts.join('&')}`;
}
