import { describe, expect, it, vi } from 'vitest';

/** Every pending import and what follows it settles before a macrotask runs. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Fresh store modules, with nothing loaded (tests/setup.ts loads every profile into the shared ones). */
async function freshStore() {
  vi.resetModules();
  const { languageProfiles } = await import('./languageProfiles.ts');
  const { createPlayerStore } = await import('./createPlayerStore.ts');
  return { languageProfiles, createPlayerStore };
}

describe('language profiles loaded on demand', () => {
  it('a player cannot start before its stack’s profile is loaded', async () => {
    const { createPlayerStore, languageProfiles } = await freshStore();
    expect(languageProfiles.get('node')).toBeUndefined();
    expect(() => createPlayerStore()).toThrow(/Load the node profile/);
    await languageProfiles.load('node');
    expect(createPlayerStore().getState().stack).toEqual({ lang: 'node', db: 'postgres' });
  });

  it('a move to another language happens once its profile has arrived, keeping the step', async () => {
    const { createPlayerStore, languageProfiles } = await freshStore();
    await languageProfiles.load('node');
    const store = createPlayerStore({ step: 3 });
    const before = store.getState().timeline;
    store.getState().setLanguage('python');
    expect(store.getState().stack.lang).toBe('node');
    expect(store.getState().timeline).toBe(before);
    await languageProfiles.load('python');
    await settled();
    expect(store.getState().stack).toEqual({ lang: 'python', db: 'postgres' });
    expect(store.getState().timeline.stack.lang).toBe('python');
    expect(store.getState().playback.step).toBe(3);
  });

  it('only the latest of two waiting moves is made', async () => {
    const { createPlayerStore, languageProfiles } = await freshStore();
    await languageProfiles.load('node');
    const store = createPlayerStore();
    store.getState().setLanguage('go');
    store.getState().setLanguage('java');
    await Promise.all([languageProfiles.load('go'), languageProfiles.load('java')]);
    await settled();
    expect(store.getState().stack.lang).toBe('java');
  });
});
