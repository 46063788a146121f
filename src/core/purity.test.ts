import { describe, expect, it, vi } from 'vitest';

// Like zustand's vanilla test: if anything under src/core reached for React, the UI libraries
// or the DOM, importing it with them gone would throw.
vi.mock('react', () => {
  throw new Error('src/core must not import react');
});
vi.mock('react-dom', () => {
  throw new Error('src/core must not import react-dom');
});
vi.mock('zustand', () => {
  throw new Error('src/core must not import zustand');
});
vi.mock('@xyflow/react', () => {
  throw new Error('src/core must not import React Flow');
});

describe('the core', () => {
  it('builds a timeline with React, the UI libraries and the DOM unavailable', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const core = await import('./index.ts');
    const scenario = core.scenarioById('first-visit');
    expect(scenario).toBeDefined();
    const timeline = core.buildTimeline(scenario!, core.DEFAULT_STACK);
    expect(timeline.steps.length).toBeGreaterThan(20);
  });
});
