import { parseHash } from '../../core/index.ts';
import type { LanguageProfile } from '../../core/index.ts';
import { playerStart } from '../createPlayerStore.ts';
import { languageProfiles } from '../languageProfiles.ts';
import { playerInitFromLink } from './playerInitFromLink.ts';

/**
 * Loads what a player started from this link needs before `storeFromLink` can make it: the language
 * profile of the stack it opens on (the link's, or the nearest one its scenario is shown on).
 */
export function loadForLink(hash: string): Promise<LanguageProfile> {
  const init = playerInitFromLink(parseHash(hash).state);
  return languageProfiles.load(playerStart(init).stack.lang);
}
