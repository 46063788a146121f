import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createPlayerStore, PlayerProvider } from '../../src/store/react.ts';
import type { PlayerInit } from '../../src/store/react.ts';
import { Player } from '../../src/ui/Player.tsx';
import { manualFrames } from './manualFrames.ts';
import { mockReactFlow } from './reactFlowMocks.ts';

/**
 * Renders the whole main view around a fresh player store, whose provider is given a frame
 * driver cranked by hand (`frames.advance(ms)`).
 */
export function renderPlayer(init: PlayerInit = {}) {
  mockReactFlow();
  const frames = manualFrames();
  const store = createPlayerStore(init);
  const user = userEvent.setup();
  const view = render(
    <PlayerProvider store={store} frames={frames.driver}>
      <Player />
    </PlayerProvider>,
  );
  return { ...view, store, user, frames };
}

/** The narration status line's text ("Step 7 of 31: …"). */
export const statusText = () => screen.getByRole('status').textContent ?? '';

/** The step details region. */
export const details = () => screen.getByRole('region', { name: 'Step details' });
