import { LINK_FIELDS } from './linkFields.ts';

type Fields = typeof LINK_FIELDS;
export type LinkKey = keyof Fields;

/** What a link says: one typed value per entry of LINK_FIELDS. */
export type LinkState = { readonly [K in LinkKey]: Fields[K]['fallback'] };

/** The parameters the player's state holds: its change rewrites the address. */
export type PlayerLinkKey = { [K in LinkKey]: Fields[K]['kind'] extends 'player' ? K : never }[LinkKey];

/** Every parameter in the table's order, the order a link writes them. */
export const LINK_KEYS = Object.keys(LINK_FIELDS) as readonly LinkKey[];

/** The link of a page opened without a hash. */
export const DEFAULT_LINK = Object.fromEntries(
  LINK_KEYS.map((key) => [key, LINK_FIELDS[key].fallback]),
) as unknown as LinkState;
