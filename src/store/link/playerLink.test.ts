import { describe, expect, it } from 'vitest';
import { DEFAULT_LINK, formatHash } from '../../core/index.ts';
import type { LinkState } from '../../core/index.ts';
import { createPlayerStore } from '../createPlayerStore.ts';
import { applyLink } from './applyLink.ts';
import { bindHash } from './bindHash.ts';
import type { HashWindow } from './bindHash.ts';
import { linkOf } from './linkOf.ts';
import { playerInitFromLink } from './playerInitFromLink.ts';
import { bindingOf, PLAYER_LINK_KEYS } from './playerLink.ts';

/** Every player field away from its default. */
const FAR: LinkState = {
  ...DEFAULT_LINK,
  scenario: 'cache-hit',
  build: 'v1.lb3.cdn.far.fault-db-timeout',
  lang: 'go',
  db: 'mysql',
  step: 4,
  speed: 2,
  pause: 'none',
  pace: 'real',
  theme: 'dark',
  motion: 'off',
  camera: 'whole',
};

describe('PLAYER_LINK', () => {
  it('covers every player field of the test link', () => {
    for (const key of PLAYER_LINK_KEYS) expect(FAR[key], key).not.toEqual(DEFAULT_LINK[key]);
  });

  it('a player started from a link stands at that link', () => {
    const store = createPlayerStore(playerInitFromLink(FAR));
    expect(linkOf(store.getState(), DEFAULT_LINK)).toEqual(FAR);
  });

  it('a running player moved to a link stands at that link, with no notice', () => {
    const store = createPlayerStore();
    expect(applyLink(store, FAR)).toEqual([]);
    expect(linkOf(store.getState(), DEFAULT_LINK)).toEqual(FAR);
  });

  it.each(PLAYER_LINK_KEYS)('a change of %s alone rewrites the address', (key) => {
    const store = createPlayerStore();
    const location = { hash: '' };
    const win: HashWindow = {
      location,
      history: { replaceState: (_d, _u, url) => (location.hash = url ?? '') },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    bindHash(store, win, DEFAULT_LINK, () => undefined);
    expect(location.hash).toBe(formatHash(DEFAULT_LINK));
    bindingOf(key).apply(store.getState(), FAR[key]);
    expect(location.hash).toBe(formatHash(linkOf(store.getState(), DEFAULT_LINK)));
    expect(location.hash).not.toBe(formatHash(DEFAULT_LINK));
  });
});
