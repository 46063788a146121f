import { formatHash, parseHash } from '../../core/index.ts';
import type { LinkState } from '../../core/index.ts';
import type { PlayerStore } from '../createPlayerStore.ts';
import type { PlayerData } from '../PlayerState.ts';
import { applyLink } from './applyLink.ts';
import { linkOf } from './linkOf.ts';
import { bindingOf, PLAYER_LINK_KEYS } from './playerLink.ts';

/** The parts of `window` the hash binding uses, so tests can pass a stand-in. */
export interface HashWindow {
  readonly location: { readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** A change of the player that moved it to another link: progress alone does not, and must not rewrite the address. */
const linkChanged = (s: PlayerData, prev: PlayerData): boolean =>
  PLAYER_LINK_KEYS.some((key) => !Object.is(bindingOf(key).read(s), bindingOf(key).read(prev)));

/** Runs the first rewrite of the address: now, or later (returning a function that cancels it). */
export type FirstWrite = (write: () => void) => () => void;

const now: FirstWrite = (write) => {
  write();
  return () => undefined;
};

/**
 * Keeps the address bar a link to where the player stands (history.replaceState, so Back is not
 * flooded) whenever one of the link's 'player' fields changes (`playerLink.ts`), and follows the user's own edits of the hash. `onProblems` receives notices for
 * malformed parameters; `onLink` the new link after an edit, for the page's view options (embed,
 * controls, captions, keys, api). `firstWrite` schedules the rewrite of the link as opened into its
 * canonical form (a replaceState costs milliseconds the first frame does not need to spend); any
 * change of the player writes at once. Returns a function that unbinds.
 */
export function bindHash(
  store: PlayerStore,
  win: HashWindow,
  initialView: LinkState,
  onProblems: (problems: readonly string[]) => void,
  onLink: (link: LinkState) => void = () => undefined,
  firstWrite: FirstWrite = now,
): () => void {
  let view = initialView;
  let written = win.location.hash;
  const write = () => {
    const next = formatHash(linkOf(store.getState(), view));
    if (next !== written) {
      written = next;
      win.history.replaceState(null, '', next);
    }
  };
  const onHashChange = () => {
    if (win.location.hash === written) return;
    const { state, problems } = parseHash(win.location.hash);
    written = win.location.hash;
    const more = applyLink(store, state);
    if (problems.length + more.length > 0) onProblems([...problems, ...more]);
    view = state;
    onLink(state);
    write();
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (linkChanged(s, prev)) write();
  });
  win.addEventListener('hashchange', onHashChange);
  const cancelFirstWrite = firstWrite(write);
  return () => {
    cancelFirstWrite();
    unsubscribe();
    win.removeEventListener('hashchange', onHashChange);
  };
}
