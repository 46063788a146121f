import { LINK_FIELDS } from './linkFields.ts';
import type { LinkField } from './linkField.ts';
import { LINK_KEYS } from './LinkState.ts';
import type { LinkState } from './LinkState.ts';

/**
 * Writes a link as a location hash, in LINK_FIELDS' order: scenario, stack and step always, everything
 * else only where it differs from its default. `parseHash(formatHash(s))` gives `s` back.
 */
export function formatHash(link: LinkState): string {
  const parts: string[] = [];
  for (const key of LINK_KEYS) {
    const field = LINK_FIELDS[key] as LinkField<unknown>;
    const value = link[key];
    if (!field.always && value === field.fallback) continue;
    const raw = field.format(value);
    if (raw !== null) parts.push(`${key}=${encodeURIComponent(raw)}`);
  }
  return `#${parts.join('&')}`;
}
