import type { LinkState } from '../../core/index.ts';
import type { PlayerData } from '../PlayerState.ts';
import { bindingOf, PLAYER_LINK_KEYS } from './playerLink.ts';

/** The link for where a player stands now; view options (embed, api, controls…) come from `view`. */
export function linkOf(s: PlayerData, view: LinkState): LinkState {
  const link: Record<string, unknown> = { ...view };
  for (const key of PLAYER_LINK_KEYS) link[key] = bindingOf(key).read(s);
  return link as unknown as LinkState;
}
