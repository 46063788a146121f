import { describe, expect, it } from 'vitest';
import { DEFAULT_LINK, parseHash } from '../../core/index.ts';
import { createPlayerStore } from '../createPlayerStore.ts';
import { bindHash, PLAYING_WRITE_MS } from './bindHash.ts';
import type { HashWindow } from './bindHash.ts';
import { playerInitFromLink } from './playerInitFromLink.ts';

function fakeWindow(hash: string) {
  const location = { hash };
  const writes: string[] = [];
  let listener: (() => void) | null = null;
  const win: HashWindow = {
    location,
    history: {
      replaceState: (_d, _u, url) => {
        location.hash = url ?? '';
        writes.push(location.hash);
      },
    },
    addEventListener: (_t, l) => (listener = l),
    removeEventListener: () => (listener = null),
  };
  const userTypes = (next: string) => {
    location.hash = next;
    listener?.();
  };
  /** An edit whose hashchange event is still queued. */
  const userTypesUndelivered = (next: string) => {
    location.hash = next;
  };
  return { win, writes, userTypes, userTypesUndelivered };
}

describe('bindHash', () => {
  it('opens a link at its step and keeps the address a link to where the player stands', () => {
    const link = '#scenario=post-create&lang=python&db=mysql&step=7';
    const { state } = parseHash(link);
    const store = createPlayerStore({ ...playerInitFromLink(state), systemReducedMotion: true });
    const { win, writes } = fakeWindow(link);
    bindHash(store, win, state, () => {});
    expect(store.getState().playback.step).toBe(6);
    expect(writes).toEqual([]);
    store.getState().next();
    expect(win.location.hash).toBe('#scenario=post-create&lang=python&db=mysql&step=8');
    store.getState().setDatabase('mongodb');
    expect(win.location.hash).toContain('db=mongodb');
  });

  it('does not rewrite the address while a step is only progressing', () => {
    const store = createPlayerStore();
    const { win, writes } = fakeWindow('');
    bindHash(store, win, DEFAULT_LINK, () => {});
    // Step 1 is shown as arrived on load, so Play moves on to step 2: that is a new link.
    store.getState().play();
    expect(store.getState().playback).toMatchObject({ step: 1, progress: 0 });
    expect(win.location.hash).toContain('step=2');
    const before = writes.length;
    store.getState().tick(10);
    store.getState().tick(10);
    expect(store.getState().playback).toMatchObject({ step: 1, mode: 'playing' });
    expect(store.getState().playback.progress).toBeGreaterThan(0);
    expect(writes.length).toBe(before);
  });

  it('follows a hash the user edits, with a notice for what it cannot use', () => {
    const store = createPlayerStore({ systemReducedMotion: true });
    const { win, userTypes } = fakeWindow('');
    const notices: string[] = [];
    bindHash(store, win, DEFAULT_LINK, (p) => notices.push(...p));
    userTypes('#scenario=cache-hit&step=3&speed=9');
    expect(store.getState().scenarioId).toBe('cache-hit');
    expect(store.getState().playback.step).toBe(2);
    expect(notices.join(' ')).toMatch(/speed=9/);
    userTypes('#scenario=cache-hit&step=500');
    expect(notices.join(' ')).toMatch(/showing step \d+ instead of 500/);
    expect(store.getState().playback.step).toBe(store.getState().timeline.steps.length - 1);
  });

  it('follows a hash edited after the player was made from the address but before it was bound', () => {
    // The page made its player from "" at its first render; the hash changed before the effect bound it.
    const store = createPlayerStore({ systemReducedMotion: true });
    const { win, writes } = fakeWindow('#scenario=nxdomain&step=4');
    bindHash(
      store,
      win,
      DEFAULT_LINK,
      () => undefined,
      () => undefined,
      (write) => {
        write();
        return () => undefined;
      },
      '',
    );
    expect(store.getState().scenarioId).toBe('nxdomain');
    expect(store.getState().playback.step).toBe(3);
    expect(writes.at(-1) ?? win.location.hash).toMatch(/scenario=nxdomain&.*step=4/);
  });

  it('never writes over an edit whose hashchange has not been delivered yet', () => {
    const store = createPlayerStore({ systemReducedMotion: true });
    const { win, userTypesUndelivered } = fakeWindow('');
    bindHash(store, win, DEFAULT_LINK, () => undefined);
    // The user's edit is in the address; its hashchange event is still queued when the player writes.
    userTypesUndelivered('#scenario=nxdomain&step=4');
    store.getState().setSpeed(2);
    expect(store.getState().scenarioId).toBe('nxdomain');
    expect(store.getState().playback.step).toBe(3);
    expect(win.location.hash).toMatch(/scenario=nxdomain&.*step=4/);
  });

  it('can put off its first rewrite of the address; a change of the player writes at once', () => {
    const { win, writes } = fakeWindow('#step=0');
    const { state } = parseHash(win.location.hash);
    const store = createPlayerStore(playerInitFromLink(state));
    let pending: (() => void) | null = null;
    const unbind = bindHash(
      store,
      win,
      state,
      () => {},
      undefined,
      (write) => {
        pending = write;
        return () => (pending = null);
      },
    );
    expect(writes).toEqual([]);
    expect(pending).not.toBeNull();
    (pending as unknown as () => void)();
    expect(win.location.hash).toMatch(/^#.*step=1\b/);
    expect(writes).toHaveLength(1);

    const second = fakeWindow('');
    const unbindSecond = bindHash(
      store,
      second.win,
      DEFAULT_LINK,
      () => {},
      undefined,
      (write) => {
        pending = write;
        return () => (pending = null);
      },
    );
    store.getState().next();
    expect(second.win.location.hash).toContain('step=2');
    unbindSecond();
    expect(pending).toBeNull();
    unbind();
  });
  it('while playing writes a new step at most every PLAYING_WRITE_MS, and at once on pause or blur', () => {
    const store = createPlayerStore({ systemReducedMotion: true });
    const { win, writes } = fakeWindow('');
    const timers = new Map<number, () => void>();
    const listeners = new Map<string, () => void>();
    let id = 0;
    const timed = {
      ...win,
      setTimeout: (handler: () => void, ms: number) => {
        expect(ms).toBe(PLAYING_WRITE_MS);
        timers.set(++id, handler);
        return id;
      },
      clearTimeout: (t: number) => void timers.delete(t),
      addEventListener: (type: string, l: () => void) => void listeners.set(type, l),
      removeEventListener: (type: string) => void listeners.delete(type),
    };
    const fire = () => {
      const due = [...timers.values()];
      timers.clear();
      for (const handler of due) handler();
    };
    const linked = () => Number(/step=(\d+)/.exec(win.location.hash)?.[1]);
    const shown = () => store.getState().playback.step + 1;
    bindHash(store, timed, DEFAULT_LINK, () => {});
    store.getState().setPauseAtHop(false);
    store.getState().play();
    expect(linked()).toBe(2);
    const before = writes.length;
    while (shown() < 6) store.getState().tick(100);
    expect(writes.length, 'no write for each step played').toBe(before);
    expect(timers.size).toBe(1);
    fire();
    expect(linked()).toBe(shown());
    while (shown() < 8) store.getState().tick(100);
    listeners.get('blur')?.();
    expect(linked(), 'right when the page loses focus').toBe(shown());
    while (shown() < 10) store.getState().tick(100);
    store.getState().toggle();
    expect(store.getState().playback.mode).toBe('paused');
    expect(linked(), 'right once paused').toBe(shown());
    expect(timers.size).toBe(0);
  });
});
