import { NOTICES } from '../core/index.ts';
import { formatHash } from '../core/index.ts';
import type { HashState } from '../core/index.ts';
import { parseHash } from '../core/index.ts';
import type { PlayerStore } from '../store/index.ts';
import { linkOf } from '../store/index.ts';

/** The parts of `window` the hash binding uses, so tests can pass a stand-in. */
export interface HashWindow {
  readonly location: { readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** Applies a parsed link to a running player: only what differs, so playing goes on where it can. */
function apply(store: PlayerStore, hash: HashState): string[] {
  const s = store.getState();
  if (hash.scenario !== s.scenarioId) s.setScenario(hash.scenario);
  if (hash.lang !== s.stack.lang) store.getState().setLanguage(hash.lang);
  if (hash.db !== s.stack.db) store.getState().setDatabase(hash.db);
  const now = store.getState();
  const count = now.timeline.steps.length;
  const problems = hash.step > count ? [NOTICES.stepOutOfRange(hash.step, count)] : [];
  if (hash.step - 1 !== now.playback.step) now.seekStep(Math.min(hash.step, count) - 1);
  if (hash.speed !== now.playback.speed) now.setSpeed(hash.speed);
  if ((hash.pause === 'hop') !== now.playback.pauseAtHop) now.setPauseAtHop(hash.pause === 'hop');
  const theme = hash.theme ?? 'system';
  if (theme !== now.theme) now.setTheme(theme);
  if ((hash.motion === 'off') !== now.motionOff) now.setMotionOff(hash.motion === 'off');
  return problems;
}

/** Runs the first rewrite of the address: now, or later (returning a function that cancels it). */
export type FirstWrite = (write: () => void) => () => void;

const now: FirstWrite = (write) => {
  write();
  return () => undefined;
};

/**
 * Keeps the address bar a link to where the player stands (history.replaceState, so Back is not
 * flooded) and follows the user's own edits of the hash. `onProblems` receives notices for
 * malformed parameters; `onLink` the new link after an edit, for the page's view options (embed,
 * controls, captions, keys, api). `firstWrite` schedules the rewrite of the link as opened into its
 * canonical form (a replaceState costs milliseconds the first frame does not need to spend); any
 * change of the player writes at once. Returns a function that unbinds.
 */
export function bindHash(
  store: PlayerStore,
  win: HashWindow,
  initialView: HashState,
  onProblems: (problems: readonly string[]) => void,
  onLink: (link: HashState) => void = () => undefined,
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
    const more = apply(store, state);
    if (problems.length + more.length > 0) onProblems([...problems, ...more]);
    view = state;
    onLink(state);
    write();
  };
  // Only the fields a link carries; progress changes every frame and must not rewrite the address.
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.playback.step !== prev.playback.step ||
      s.scenarioId !== prev.scenarioId ||
      s.stack !== prev.stack ||
      s.playback.speed !== prev.playback.speed ||
      s.playback.pauseAtHop !== prev.playback.pauseAtHop ||
      s.theme !== prev.theme
    ) {
      write();
    }
  });
  win.addEventListener('hashchange', onHashChange);
  const cancelFirstWrite = firstWrite(write);
  return () => {
    cancelFirstWrite();
    unsubscribe();
    win.removeEventListener('hashchange', onHashChange);
  };
}
