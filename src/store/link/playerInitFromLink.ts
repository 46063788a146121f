import type { LinkState } from '../../core/index.ts';
import type { PlayerInit } from '../createPlayerStore.ts';
import { bindingOf, PLAYER_LINK_KEYS } from './playerLink.ts';

/** What a link asks of a new player: every 'player' field, and autoplay. */
export function playerInitFromLink(link: LinkState): PlayerInit {
  return PLAYER_LINK_KEYS.reduce<PlayerInit>((init, key) => bindingOf(key).init(link[key], init), {
    autoplay: link.autoplay,
  });
}
