// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPlayer, statusText } from './renderPlayer.tsx';

afterEach(cleanup);

describe('presenter keys on the main view', () => {
  it('a clicker steps forward and back, Home and End jump', async () => {
    const { user, store } = renderPlayer();
    const count = store.getState().timeline.steps.length;
    await user.keyboard('{PageDown}{PageDown}{ArrowRight}');
    expect(statusText()).toMatch(/^Step 4 of /);
    await user.keyboard('{PageUp}');
    expect(statusText()).toMatch(/^Step 3 of /);
    await user.keyboard('{End}');
    expect(statusText()).toMatch(new RegExp(`^Step ${count} of ${count}`));
    await user.keyboard('{Home}');
    expect(statusText()).toMatch(/^Step 1 of /);
  });

  // React Flow takes Space for panning unless told not to; the player needs it.
  it('Space and K play and pause', async () => {
    const { user, store } = renderPlayer();
    await user.keyboard(' ');
    expect(store.getState().playback.mode).toBe('playing');
    await user.keyboard('k');
    expect(store.getState().playback.mode).toBe('paused');
  });

  it('"?" opens the key list, Esc closes it and focus goes back where it was', async () => {
    const { user } = renderPlayer();
    const next = screen.getByRole('button', { name: 'Next step' });
    next.focus();
    await user.keyboard('?');
    // The key list is fetched when first opened.
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard' }, { timeout: 5000 });
    expect(dialog).toHaveTextContent('Previous step');
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    // While it is open, player keys wait.
    await user.keyboard('{PageDown}');
    expect(statusText()).toMatch(/^Step 1 of /);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(next).toHaveFocus();
  });

  it('a node on the diagram is a button that shows what the node knows', async () => {
    const { user } = renderPlayer({ step: 10 });
    screen.getByRole('button', { name: /^Recursive resolver ?Recursive resolver · / }).focus();
    await user.keyboard('{Enter}');
    const panel = screen.getByRole('region', { name: 'What Recursive resolver knows' });
    expect(panel).toHaveTextContent('shop.example');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'What Recursive resolver knows' })).not.toBeInTheDocument();
  });
});
