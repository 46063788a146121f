import type { LinkState } from '../../core/index.ts';
import type { PlayerData } from '../PlayerState.ts';
import { bindingOf, PLAYER_LINK_KEYS } from './playerLink.ts';

/** Notices for what of a link the player could not take as it is (a step past the end). */
export function linkNotices(s: PlayerData, link: LinkState): readonly string[] {
  return PLAYER_LINK_KEYS.flatMap((key) => bindingOf(key).notices?.(s, link[key]) ?? []);
}
