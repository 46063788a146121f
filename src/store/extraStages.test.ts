import { describe, expect, it, vi } from 'vitest';

/** Every pending import and what follows it settles before a macrotask runs. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Fresh store modules, with nothing loaded but the node profile (tests/setup.ts loads everything into the shared ones). */
async function freshStore() {
  vi.resetModules();
  const { languageProfiles } = await import('./languageProfiles.ts');
  const { extraStages } = await import('./extraStages.ts');
  const { createPlayerStore } = await import('./createPlayerStore.ts');
  await languageProfiles.load('node');
  return { languageProfiles, extraStages, createPlayerStore };
}

describe('a scenario’s extra stages loaded on demand', () => {
  it('a player cannot start on a scenario before its extras are loaded; the default needs none', async () => {
    const { createPlayerStore, extraStages } = await freshStore();
    expect(createPlayerStore().getState().scenarioId).toBe('first-visit');
    expect(extraStages.get(['http2'])).toBeUndefined();
    expect(() => createPlayerStore({ scenarioId: 'http2' })).toThrow(/extra stages/);
    await extraStages.load(['http2']);
    expect(createPlayerStore({ scenarioId: 'http2' }).getState().timeline.scenario).toBe('http2');
  });

  it('hands over only the extras named, whatever else an earlier scenario loaded', async () => {
    const { extraStages } = await freshStore();
    await extraStages.load(['http2', 'tlsResumption']);
    expect(Object.keys(extraStages.get(['http2']) ?? {})).toEqual(['http2']);
    expect(extraStages.get([])).toEqual({});
    expect(extraStages.get(['http2', 'kubernetes'])).toBeUndefined();
  });

  it('a move to a scenario happens once its extras have arrived', async () => {
    const { createPlayerStore } = await freshStore();
    const store = createPlayerStore();
    const before = store.getState().timeline;
    store.getState().setScenario('tls-resumption');
    expect(store.getState().scenarioId).toBe('first-visit');
    expect(store.getState().timeline).toBe(before);
    await settled();
    expect(store.getState().scenarioId).toBe('tls-resumption');
    expect(store.getState().timeline.steps.map((s) => s.id)).toContain('tls-resumed');
  });

  it('a Language chosen while a scenario’s extras load goes with that scenario', async () => {
    const { createPlayerStore } = await freshStore();
    const store = createPlayerStore();
    store.getState().setScenario('http2');
    store.getState().setLanguage('python');
    await settled();
    expect(store.getState().scenarioId).toBe('http2');
    expect(store.getState().stack).toEqual({ lang: 'python', db: 'postgres' });
  });

  it('a scenario chosen while another’s extras load wins, though it needs none', async () => {
    const { createPlayerStore } = await freshStore();
    const store = createPlayerStore();
    store.getState().setScenario('http2');
    store.getState().setScenario('cache-hit');
    expect(store.getState().scenarioId).toBe('cache-hit');
    await settled();
    expect(store.getState().scenarioId).toBe('cache-hit');
  });

  it('extras that cannot be fetched leave the scenario and say so', async () => {
    vi.resetModules();
    // The registry as it is when the network is down: nothing loaded, every fetch fails.
    vi.doMock('./extraStages.ts', () => ({
      extraStages: {
        get: (ids: readonly string[]) => (ids.length === 0 ? {} : undefined),
        load: () => Promise.reject(new Error('offline')),
      },
    }));
    try {
      const { languageProfiles } = await import('./languageProfiles.ts');
      const { createPlayerStore } = await import('./createPlayerStore.ts');
      await languageProfiles.load('node');
      const store = createPlayerStore();
      store.getState().setScenario('http2');
      await settled();
      expect(store.getState().scenarioId).toBe('first-visit');
      expect(store.getState().notices).toEqual([expect.stringMatching(/could not be loaded/)]);
      // Nothing stays on its way: the next choice starts from where the player is.
      store.getState().setScenario('cache-hit');
      expect(store.getState()).toMatchObject({ scenarioId: 'cache-hit', stack: { db: 'postgres' } });
      // A database whose stages cannot be fetched leaves the stack, and says which.
      store.getState().setDatabase('mysql');
      await settled();
      expect(store.getState()).toMatchObject({ scenarioId: 'cache-hit', stack: { db: 'postgres' } });
      expect(store.getState().notices.at(-1)).toMatch(/^The MySQL stages could not be loaded/);
    } finally {
      vi.doUnmock('./extraStages.ts');
    }
  });
});
