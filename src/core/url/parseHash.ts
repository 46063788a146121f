import * as v from 'valibot';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import { NOTICES } from '../notices.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { CONTROLS, DEFAULT_HASH_STATE, SPEEDS, THEMES } from './HashState.ts';
import type { HashState } from './HashState.ts';

const flag = v.pipe(
  v.picklist(['0', '1']),
  v.transform((s) => s === '1'),
);

/** One schema per parameter: each turns the raw string into its typed value or fails. */
const PARAMS = {
  scenario: v.picklist(SCENARIOS.map((s) => s.id)),
  lang: v.picklist(LANGUAGES),
  db: v.picklist(DATABASES),
  step: v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/), v.transform(Number)),
  autoplay: flag,
  speed: v.pipe(
    v.picklist(SPEEDS.map(String)),
    v.transform((s) => Number(s) as (typeof SPEEDS)[number]),
  ),
  pause: v.picklist(['hop', 'none']),
  theme: v.picklist(THEMES),
  controls: v.picklist(CONTROLS),
  captions: flag,
  keys: flag,
  motion: v.pipe(
    v.picklist(['auto', '0', '1']),
    v.transform((s) => (s === '0' ? ('off' as const) : ('auto' as const))),
  ),
  embed: flag,
  api: flag,
  handoff: flag,
} satisfies { [K in keyof HashState]: v.GenericSchema<string, HashState[K]> };

const show = (value: unknown): string => (value === null ? 'system theme' : String(value));

/**
 * Reads a location hash ("#scenario=…&step=7") into a complete state. Every parameter is optional;
 * an unknown or malformed one is reported in `problems` and falls back to its default. Never throws.
 */
export function parseHash(hash: string): { readonly state: HashState; readonly problems: readonly string[] } {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const state: Record<string, unknown> = { ...DEFAULT_HASH_STATE };
  const problems: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(raw.length > 4096 ? raw.slice(0, 4096) : raw);
  } catch {
    return { state: DEFAULT_HASH_STATE, problems: [NOTICES.unknownParam(raw)] };
  }
  for (const [name, value] of params) {
    if (!Object.hasOwn(PARAMS, name)) {
      problems.push(NOTICES.unknownParam(name));
      continue;
    }
    const key = name as keyof typeof PARAMS;
    const result = v.safeParse(PARAMS[key], value);
    if (result.success) state[key] = result.output;
    else problems.push(NOTICES.badParam(name, value, show(DEFAULT_HASH_STATE[key])));
  }
  return { state: state as unknown as HashState, problems };
}
