// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as StepDetailsModule from '../../src/ui/details/StepDetails.tsx';
import { renderPlayer, statusText } from './renderPlayer.tsx';

/** The step details throw while `broken.now` is set, as a bug in one panel would. */
const broken = vi.hoisted(() => ({ now: false }));
vi.mock('../../src/ui/details/StepDetails.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof StepDetailsModule>();
  return {
    StepDetails: () => {
      if (broken.now) throw new Error('a bug in the details panel');
      return original.StepDetails();
    },
  };
});

afterEach(() => {
  broken.now = false;
  cleanup();
  vi.restoreAllMocks();
});

describe('a panel that fails to render', () => {
  it('shows a message and Reset; the rest of the player keeps working', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    broken.now = true;
    const { user, store } = renderPlayer({ step: 9 });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The step details could not be shown.');
    expect(screen.queryByRole('region', { name: 'Step details' })).not.toBeInTheDocument();
    expect(warn).toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Next step' }));
    expect(statusText()).toMatch(/^Step 11 of /);

    broken.now = false;
    await user.click(within(alert).getByRole('button', { name: 'Reset' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Step details' })).toBeVisible();
    expect(store.getState().playback.step).toBe(0);
  });
});
