import type { LinkState } from '../../core/index.ts';
import type { PlayerStore } from '../createPlayerStore.ts';
import { linkNotices } from './linkNotices.ts';
import { bindingOf, PLAYER_LINK_KEYS } from './playerLink.ts';

/**
 * Applies a link to a running player: only what differs, so playing goes on where it can. Returns
 * the notices for what it could not take as it is.
 */
export function applyLink(store: PlayerStore, link: LinkState): readonly string[] {
  for (const key of PLAYER_LINK_KEYS) {
    const binding = bindingOf(key);
    const s = store.getState();
    if (!Object.is(binding.read(s), link[key])) binding.apply(s, link[key]);
  }
  return linkNotices(store.getState(), link);
}
