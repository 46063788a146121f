import { parseHash } from '../../core/index.ts';
import { createPlayerStore } from '../createPlayerStore.ts';
import type { Builds } from '../createPlayerStore.ts';
import { linkNotices } from './linkNotices.ts';
import { playerInitFromLink } from './playerInitFromLink.ts';

/**
 * A page's player, started from the link in its address (PRODUCT.md §5): the link as read, the
 * store, and the notices for what of it could not be used.
 */
export function storeFromLink(hash: string, systemReducedMotion: boolean, builds?: Builds) {
  const { state: link, problems } = parseHash(hash);
  const store = createPlayerStore({
    ...playerInitFromLink(link),
    systemReducedMotion,
    ...(builds ? { builds } : {}),
  });
  const notices = [...problems, ...linkNotices(store.getState(), link)];
  return { link, store, notices };
}
