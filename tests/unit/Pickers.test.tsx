// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/core/index.ts';
import { renderPlayer, statusText } from './renderPlayer.tsx';

afterEach(cleanup);

const combobox = (name: string) => screen.getByRole('combobox', { name });

describe('scenario and stack pickers', () => {
  it('lists every scenario and says what the chosen one teaches', async () => {
    const { user } = renderPlayer();
    const picker = combobox('Scenario');
    expect(screen.getAllByRole('option').filter((o) => picker.contains(o))).toHaveLength(SCENARIOS.length);
    const cacheHit = SCENARIOS.find((s) => s.id === 'cache-hit');
    if (!cacheHit) throw new Error('cache-hit scenario missing');
    await user.selectOptions(picker, 'cache-hit');
    expect(picker).toHaveAccessibleDescription(cacheHit.teaches);
    expect(screen.getByRole('region', { name: 'Request diagram' })).toHaveTextContent('Redis');
  });

  it('keeps the step when the new timeline still has it', async () => {
    const { user, store } = renderPlayer({ step: 11 });
    await user.selectOptions(combobox('Scenario'), 'plain-http');
    expect(store.getState().scenarioId).toBe('plain-http');
    expect(statusText()).toMatch(/^Step 12 of /);
    expect(statusText()).toContain(store.getState().timeline.steps[11]?.title ?? '?');
  });

  it('starts again at step 1 when the new timeline is shorter than the step', async () => {
    const { user, store } = renderPlayer({ step: 30 });
    await user.selectOptions(combobox('Scenario'), 'nxdomain');
    expect(store.getState().timeline.steps.length).toBeLessThan(31);
    expect(statusText()).toMatch(/^Step 1 of /);
  });

  it('changing the language changes the handler code, not the journey', async () => {
    const { user, store } = renderPlayer();
    const before = store.getState().timeline.steps.map((s) => s.id);
    await user.selectOptions(combobox('Language'), 'python');
    expect(store.getState().stack).toEqual({ lang: 'python', db: 'postgres' });
    expect(store.getState().timeline.steps.map((s) => s.id)).toEqual(before);
    expect(combobox('Language')).toHaveDisplayValue(/FastAPI/);
  });

  it('changing the database changes the query and the diagram', async () => {
    const { user, store } = renderPlayer();
    await user.selectOptions(combobox('Database'), 'mongodb');
    expect(store.getState().stack.db).toBe('mongodb');
    expect(store.getState().timeline.steps.some((s) => s.message.protocol === 'mongodb')).toBe(true);
    expect(screen.getByRole('region', { name: 'Request diagram' })).toHaveTextContent('MongoDB');
  });
});
