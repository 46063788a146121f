import { describe, expect, it, vi } from 'vitest';

// Like zustand's vanilla test: if anything under src/core reached for React, the UI libraries
// or the DOM, importing it with them gone would throw.
vi.mock('react', () => {
  throw new Error('src/core must not import react');
});
vi.mock('react/jsx-runtime', () => {
  throw new Error('src/core must not import react/jsx-runtime');
});
vi.mock('react-dom', () => {
  throw new Error('src/core must not import react-dom');
});
vi.mock('react-dom/client', () => {
  throw new Error('src/core must not import react-dom/client');
});
vi.mock('zustand', () => {
  throw new Error('src/core must not import zustand');
});
vi.mock('zustand/vanilla', () => {
  throw new Error('src/core must not import zustand/vanilla');
});
vi.mock('@xyflow/react', () => {
  throw new Error('src/core must not import React Flow');
});
vi.mock('@xyflow/system', () => {
  throw new Error('src/core must not import React Flow');
});
vi.mock('motion', () => {
  throw new Error('src/core must not import motion');
});
vi.mock('motion/react', () => {
  throw new Error('src/core must not import motion');
});

/** Every module under src/core but the tests, loaded lazily so the mocks above are in place first. */
const modules = import.meta.glob([
  './**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}',
  '!./**/*.test.*',
  '!./**/*.spec.*',
]);

describe('the core', () => {
  it('lists every folder of the core among the modules it imports', () => {
    const paths = Object.keys(modules);
    expect(paths).toContain('./index.ts');
    expect(paths).toContain('./notices.ts');
    const folders = ['api', 'app', 'data', 'engine', 'format', 'model', 'playback', 'protocols', 'scenarios'];
    for (const folder of [...folders, 'stacks', 'link', 'world']) {
      expect(paths.some((p) => p.startsWith(`./${folder}/`))).toBe(true);
    }
    expect(paths.filter((p) => /\.(test|spec)\./.test(p))).toEqual([]);
  });

  it.each(Object.keys(modules))(
    'imports %s with React, the UI libraries and the DOM unavailable',
    async (path) => {
      expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
      await expect(modules[path]!()).resolves.toBeDefined();
    },
  );

  it('builds a timeline with React, the UI libraries and the DOM unavailable', async () => {
    const core = await import('./index.ts');
    const scenario = core.scenarioById('first-visit');
    expect(scenario).toBeDefined();
    const timeline = core.buildTimeline(scenario!, core.DEFAULT_STACK);
    expect(timeline.steps.length).toBeGreaterThan(20);
  });
});
