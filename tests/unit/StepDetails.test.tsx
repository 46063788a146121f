// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TEACHING_STEP_MS } from '../../src/core/index.ts';
import type { Step } from '../../src/core/index.ts';
import type { PlayerStore } from '../../src/store/index.ts';
import { details, renderPlayer } from './renderPlayer.tsx';

afterEach(cleanup);

/** Index of the first step that matches. */
const stepWhere = (store: PlayerStore, test: (step: Step) => boolean): number => {
  const index = store.getState().timeline.steps.findIndex(test);
  if (index < 0) throw new Error('no such step in the timeline');
  return index;
};

describe('step details', () => {
  it('shows the HTTP request as it is on the wire, headers and all', () => {
    const { store } = renderPlayer();
    act(() => store.getState().seekStep(stepWhere(store, (s) => s.message.protocol === 'http')));
    const panel = details();
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('GET /api/products/42');
    const wire = within(panel).getByLabelText('HTTP message');
    expect(wire).toHaveTextContent('GET /api/products/42 HTTP/1.1');
    expect(wire).toHaveTextContent('Host: shop.example');
    expect(within(panel).getByText('HTTP/1.1')).toBeVisible();
  });

  it('shows the dig-style DNS answer', () => {
    const { store } = renderPlayer();
    act(() => store.getState().seekStep(stepWhere(store, (s) => s.title.startsWith('Answer: A'))));
    const dig = within(details()).getByLabelText('DNS message, dig style');
    expect(dig).toHaveTextContent(/;; ANSWER SECTION:\s*shop\.example\.\s+300\s+IN\s+A\s+203\.0\.113\.10/);
  });

  it('shows the SQL statement, its parameters and the rows PostgreSQL returned', () => {
    const { store } = renderPlayer();
    act(() =>
      store
        .getState()
        .seekStep(stepWhere(store, (s) => s.message.protocol === 'sql' && s.direction === 'response')),
    );
    const panel = details();
    expect(within(panel).getByLabelText('SQL statement')).toHaveTextContent('WHERE id = $1');
    const params = within(panel).getByRole('table', { name: 'Parameters' });
    expect(within(params).getByRole('rowheader', { name: '$1' })).toBeVisible();
    expect(params).toHaveTextContent('42');
    const rows = within(panel).getByRole('table', { name: '1 row returned' });
    expect(within(rows).getByRole('columnheader', { name: 'name' })).toBeVisible();
    expect(within(rows).getAllByRole('row')).toHaveLength(2);
    expect(within(panel).getByText(/index lookup/)).toBeVisible();
  });

  it('shows MySQL placeholders when the stack uses MySQL', () => {
    const { store } = renderPlayer({ stack: { lang: 'node', db: 'mysql' } });
    act(() => store.getState().seekStep(stepWhere(store, (s) => s.message.protocol === 'sql')));
    expect(within(details()).getByLabelText('SQL statement')).toHaveTextContent('WHERE id = ?');
    expect(within(details()).getByText('SQL (MySQL)')).toBeVisible();
  });

  it("marks the handler's running line", () => {
    const { store } = renderPlayer();
    const index = stepWhere(store, (s) => s.message.protocol === 'internal' && s.message.code !== undefined);
    act(() => store.getState().seekStep(index));
    const step = store.getState().timeline.steps[index];
    const code = step?.message.protocol === 'internal' ? step.message.code : undefined;
    if (!code) throw new Error('expected code');
    const running = details().querySelector('[aria-current="true"]');
    expect(running).toHaveTextContent(code.source.split('\n')[code.line - 1]?.trim() ?? '?');
    expect(within(details()).getByText(new RegExp(`running line ${code.line}$`))).toBeVisible();
  });

  it('shows "why it matters" where the step has one', () => {
    const { store } = renderPlayer();
    const index = stepWhere(store, (s) => s.why !== null);
    act(() => store.getState().seekStep(index));
    const why = within(details()).getByRole('complementary', { name: 'Why it matters' });
    expect(why).toHaveTextContent(store.getState().timeline.steps[index]?.why ?? '?');
  });

  it('marks what this step changed in what the node knows', () => {
    const { store } = renderPlayer();
    const index = stepWhere(store, (s) => s.changes.length > 0);
    act(() => store.getState().seekStep(index));
    const change = store.getState().timeline.steps[index]?.changes[0];
    if (!change) throw new Error('expected a change');
    const row = within(details())
      .getAllByRole('row')
      .find((r) => r.textContent?.startsWith(change.key));
    expect(row).toHaveTextContent('this step');
  });

  it('is the same for step N whether reached by stepping, seeking or playing', async () => {
    const target = 13;
    const stepped = renderPlayer();
    for (let i = 0; i < target; i++)
      await stepped.user.click(screen.getByRole('button', { name: 'Next step' }));
    const byStepping = details().innerHTML;
    cleanup();

    const sought = renderPlayer();
    act(() => sought.store.getState().seekStep(target));
    const bySeeking = details().innerHTML;
    cleanup();

    const played = renderPlayer();
    await played.user.click(screen.getByRole('checkbox', { name: 'Pause at each hop' }));
    await played.user.click(screen.getByRole('button', { name: 'Play' }));
    while (played.store.getState().playback.step < target) played.frames.advance(TEACHING_STEP_MS / 4);
    await played.user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(played.store.getState().playback.step).toBe(target);
    const byPlaying = details().innerHTML;

    expect(bySeeking).toBe(byStepping);
    expect(byPlaying).toBe(byStepping);
    const title = played.store.getState().timeline.steps[target]?.title ?? '';
    expect(byStepping).toContain(`>${title}</h2>`);
  });
});
