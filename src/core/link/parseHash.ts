import * as v from 'valibot';
import { NOTICES } from '../notices.ts';
import { LINK_FIELDS } from './linkFields.ts';
import type { LinkField } from './linkField.ts';
import { DEFAULT_LINK } from './LinkState.ts';
import type { LinkState } from './LinkState.ts';

/**
 * Reads a location hash ("#scenario=…&step=7") into a complete link. Every parameter is optional;
 * an unknown or malformed one is reported in `problems` and falls back to its default. Never throws.
 */
export function parseHash(hash: string): { readonly state: LinkState; readonly problems: readonly string[] } {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const state: Record<string, unknown> = { ...DEFAULT_LINK };
  const problems: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(raw.length > 4096 ? raw.slice(0, 4096) : raw);
  } catch {
    return { state: DEFAULT_LINK, problems: [NOTICES.unknownParam(raw)] };
  }
  for (const [name, value] of params) {
    if (!Object.hasOwn(LINK_FIELDS, name)) {
      problems.push(NOTICES.unknownParam(name));
      continue;
    }
    const field = LINK_FIELDS[name as keyof typeof LINK_FIELDS] as LinkField<unknown>;
    const result = v.safeParse(field.parse, value);
    if (result.success) state[name] = result.output;
    else problems.push(field.explain?.(value) ?? NOTICES.badParam(name, value, field.fallbackText));
  }
  return { state: state as unknown as LinkState, problems };
}
