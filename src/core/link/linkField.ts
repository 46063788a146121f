import * as v from 'valibot';

/**
 * 'player': the player's state holds it (scenario, step, speed…), so the address follows the player and
 * a hand edit applies to it; `store/link/playerLink.ts` says how it is read and applied. 'view': the
 * page as opened uses it (embed, controls, api…) and it travels into the links it writes unchanged.
 */
export type LinkFieldKind = 'player' | 'view';

/** One link parameter: how it is read from and written to the hash, its default, and who holds it. */
export interface LinkField<T, K extends LinkFieldKind = LinkFieldKind> {
  readonly kind: K;
  /** Turns the raw string into the typed value, or fails (the parameter then keeps its default). */
  readonly parse: v.GenericSchema<string, T>;
  /** The raw string for a value; null: the parameter is left out. */
  readonly format: (value: T) => string | null;
  readonly fallback: T;
  /** How the default reads in a notice ("using 1"). */
  readonly fallbackText: string;
  /** Written even when it is the default, so a link reopens the same scenario, stack and step. */
  readonly always: boolean;
  /** The notice for a value `parse` refuses, when it can say more than "not a valid value" (which part is wrong). */
  readonly explain?: (raw: string) => string;
}

/** A field written out in full (the compiler checks it against its value type). */
export const field = <T, K extends LinkFieldKind>(f: LinkField<T, K>): LinkField<T, K> => f;

/** One of a list of values, written as itself ("speed=0.5", "lang=go"). */
export function choice<const T extends string | number, K extends LinkFieldKind>(
  kind: K,
  values: readonly T[],
  fallback: T,
  always = false,
): LinkField<T, K> {
  const raw = values.map(String);
  return {
    kind,
    parse: v.pipe(
      v.picklist(raw),
      v.transform((s) => values[raw.indexOf(s)] as T),
    ),
    format: String,
    fallback,
    fallbackText: String(fallback),
    always,
  };
}

/** On or off, written 1 or 0. */
export function flag<K extends LinkFieldKind>(kind: K, fallback: boolean): LinkField<boolean, K> {
  return {
    kind,
    parse: v.pipe(
      v.picklist(['0', '1']),
      v.transform((s) => s === '1'),
    ),
    format: (on) => (on ? '1' : '0'),
    fallback,
    fallbackText: String(fallback),
    always: false,
  };
}
