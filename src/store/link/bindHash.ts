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
  /** 'blur' and 'pagehide' are listened to only where the window has timers (writes during play wait). */
  addEventListener(type: 'hashchange' | 'blur' | 'pagehide', listener: () => void): void;
  removeEventListener(type: 'hashchange' | 'blur' | 'pagehide', listener: () => void): void;
  /** Without them (a stand-in), every change is written at once. */
  setTimeout?(handler: () => void, ms: number): number;
  clearTimeout?(id: number): void;
}

/**
 * While playing, a new step is written to the address at most this often: a replaceState on every
 * step was 4.4% of a playback profile. The link is written at once when playback pauses or stops,
 * when anything but the step changes, and when the page loses focus (the user going to the address
 * bar to copy it) or is hidden.
 */
export const PLAYING_WRITE_MS = 2000;

/** The link's 'player' fields a change of the player moved: progress alone moves none, and must not rewrite the address. */
const changedKeys = (s: PlayerData, prev: PlayerData) =>
  PLAYER_LINK_KEYS.filter((key) => !Object.is(bindingOf(key).read(s), bindingOf(key).read(prev)));

/** Playback went on from one step to the next by itself (or by Next while playing): only the step moved. */
const steppedWhilePlaying = (s: PlayerData, prev: PlayerData, changed: readonly string[]): boolean =>
  s.playback.mode === 'playing' &&
  prev.playback.mode === 'playing' &&
  changed.length === 1 &&
  changed[0] === 'step';

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
 * canonical form (a replaceState costs milliseconds the first frame does not need to spend); a
 * change of the player writes at once, except a step that playback moves on to (PLAYING_WRITE_MS).
 * `opened` is the hash the player was made from (the address's now, unless said).
 * Returns a function that unbinds.
 */
export function bindHash(
  store: PlayerStore,
  win: HashWindow,
  initialView: LinkState,
  onProblems: (problems: readonly string[]) => void,
  onLink: (link: LinkState) => void = () => undefined,
  firstWrite: FirstWrite = now,
  opened: string = win.location.hash,
): () => void {
  let view = initialView;
  let written = opened;
  let timer: number | null = null;
  const write = () => {
    if (timer !== null) win.clearTimeout?.(timer);
    timer = null;
    // The address moved since it was last written: an edit whose hashchange has not been delivered
    // yet. It is followed first (onHashChange writes again after), never overwritten.
    if (win.location.hash !== written) {
      onHashChange();
      return;
    }
    const next = formatHash(linkOf(store.getState(), view));
    if (next !== written) {
      written = next;
      win.history.replaceState(null, '', next);
    }
  };
  const writeSoon = () => {
    if (!win.setTimeout) write();
    else timer ??= win.setTimeout(write, PLAYING_WRITE_MS);
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
    const changed = changedKeys(s, prev);
    if (changed.length > 0) {
      if (steppedWhilePlaying(s, prev, changed)) writeSoon();
      else write();
    } else if (timer !== null && s.playback.mode !== 'playing') write();
  });
  const flush = () => {
    if (timer !== null) write();
  };
  win.addEventListener('hashchange', onHashChange);
  const waits = win.setTimeout !== undefined;
  if (waits) {
    win.addEventListener('blur', flush);
    win.addEventListener('pagehide', flush);
  }
  // A hash edited after the player was made from `opened` but before this listened (the first render
  // comes before the effects that bind) is followed as any edit; the link as opened would overwrite it.
  if (win.location.hash !== opened) onHashChange();
  const cancelFirstWrite = firstWrite(write);
  return () => {
    cancelFirstWrite();
    unsubscribe();
    if (timer !== null) win.clearTimeout?.(timer);
    win.removeEventListener('hashchange', onHashChange);
    if (waits) {
      win.removeEventListener('blur', flush);
      win.removeEventListener('pagehide', flush);
    }
  };
}
