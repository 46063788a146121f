import { describe, expect, it, vi } from 'vitest';

// zustand's split: the vanilla store and the React-free code that uses it (the address-bar binding,
// the embed bridge) must load with React gone; only store/react.ts may reach for it.
vi.mock('react', () => {
  throw new Error('the vanilla store must not import react');
});
vi.mock('zustand', () => {
  throw new Error('the vanilla store must not import zustand’s React entry');
});

describe('the vanilla store entry', () => {
  it('creates a store and plays, and bindHash and the embed bridge load, with React unavailable', async () => {
    const { createPlayerStore } = await import('./index.ts');
    const store = createPlayerStore();
    store.getState().play();
    expect(store.getState().playback.mode).toBe('playing');
    expect(typeof (await import('./link/bindHash.ts')).bindHash).toBe('function');
    expect(typeof (await import('../embed/createEmbedBridge.ts')).createEmbedBridge).toBe('function');
  });

  it('would notice React: the React entry fails to load', async () => {
    await expect(import('./react.ts')).rejects.toThrow();
  });
});
