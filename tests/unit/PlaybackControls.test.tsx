// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TEACHING_STEP_MS } from '../../src/core/index.ts';
import { renderPlayer, statusText } from './renderPlayer.tsx';

afterEach(cleanup);

const button = (name: string) => screen.getByRole('button', { name });

describe('playback controls', () => {
  it('has exactly the accessible names a screen reader announces', () => {
    renderPlayer();
    const controls = screen.getByRole('group', { name: 'Playback' });
    for (const name of ['Play', 'Previous step', 'Next step', 'Restart']) {
      expect(within(controls).getByRole('button', { name })).toBeVisible();
    }
    expect(within(controls).getByRole('combobox', { name: 'Speed' })).toHaveValue('1');
    expect(within(controls).getByRole('checkbox', { name: 'Pause at each hop' })).toBeChecked();
    expect(screen.getByRole('slider', { name: 'Timeline' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Request diagram' })).toBeVisible();
  });

  it('Next and Previous move one step, and the status line and counter follow', async () => {
    const { user, store } = renderPlayer();
    const steps = store.getState().timeline.steps;
    expect(statusText()).toBe(`Step 1 of ${steps.length}: ${steps[0]?.title}. ${steps[0]?.narration}`);
    await user.click(button('Next step'));
    await user.click(button('Next step'));
    expect(statusText()).toMatch(new RegExp(`^Step 3 of ${steps.length}: `));
    expect(statusText()).toContain(steps[2]?.narration);
    expect(screen.getByRole('group', { name: 'Playback' })).toHaveTextContent(`Step 3 of ${steps.length}`);
    await user.click(button('Previous step'));
    expect(statusText()).toContain(`Step 2 of ${steps.length}: ${steps[1]?.title}.`);
  });

  it('Play becomes Pause; the frame clock carries the packet and it stops as each hop arrives', async () => {
    const { user, store, frames } = renderPlayer();
    await user.click(button('Play'));
    expect(button('Pause')).toBeVisible();
    expect(store.getState().playback.step).toBe(1);
    frames.advance(TEACHING_STEP_MS / 2);
    expect(store.getState().playback.progress).toBeGreaterThan(0.3);
    expect(store.getState().playback.progress).toBeLessThan(0.7);
    frames.advance(TEACHING_STEP_MS);
    // Pause at each hop (on by default): it waits on step 2, arrived, for the teacher.
    expect(store.getState().playback.step).toBe(1);
    expect(store.getState().playback.progress).toBe(1);
    expect(button('Play')).toBeVisible();
    expect(frames.pending()).toBe(0);
  });

  it('with "Pause at each hop" off it plays straight through, faster at 4×', async () => {
    const { user, store, frames } = renderPlayer();
    await user.click(screen.getByRole('checkbox', { name: 'Pause at each hop' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '4');
    expect(store.getState().playback).toMatchObject({ pauseAtHop: false, speed: 4 });
    await user.click(button('Play'));
    frames.advance(TEACHING_STEP_MS * 2);
    // Two slots of wall time at 4× cover eight steps' worth of teaching pace.
    expect(store.getState().playback.step).toBeGreaterThanOrEqual(8);
    expect(store.getState().playback.step).toBeLessThanOrEqual(9);
    await user.click(button('Pause'));
    const at = store.getState().playback.step;
    frames.advance(TEACHING_STEP_MS * 4);
    expect(store.getState().playback.step).toBe(at);
  });

  it('Restart goes back to step 1 from anywhere', async () => {
    const { user, store } = renderPlayer({ step: 20 });
    expect(statusText()).toMatch(/^Step 21 of /);
    await user.click(button('Restart'));
    expect(statusText()).toMatch(/^Step 1 of /);
    expect(store.getState().playback.mode).toBe('paused');
  });

  it('the timeline slider names the step in its value text and follows the keys', async () => {
    const { user, store } = renderPlayer();
    const steps = store.getState().timeline.steps;
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    expect(slider).toHaveAttribute(
      'aria-valuetext',
      expect.stringContaining(`Step 1 of ${steps.length}: ${steps[0]?.title}`),
    );
    slider.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(slider).toHaveAttribute('aria-valuenow', '3');
    expect(slider).toHaveAttribute('aria-valuetext', expect.stringContaining(steps[2]?.title ?? '?'));
    await user.keyboard('{End}');
    expect(slider).toHaveAttribute('aria-valuenow', String(steps.length));
    await user.keyboard('{Home}');
    expect(slider).toHaveAttribute('aria-valuenow', '1');
  });

  it('at the last step the counter shows the outcome', async () => {
    const { user, store } = renderPlayer();
    await user.keyboard('{End}');
    const { outcome } = store.getState().timeline;
    expect(screen.getByRole('group', { name: 'Playback' })).toHaveTextContent(outcome.summary);
  });
});
