// @vitest-environment jsdom
// A scenario that declares stacks it is not shown on (Scenario.notFor): the pickers grey those stacks out and
// say why, choosing the scenario on such a stack moves to the nearest one it is shown on with a notice, a link
// asking for one opens on the nearest with a notice, and the export CLI's arguments refuse it. No listed
// scenario needs one today, so a fixture is added to the list.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../src/core/index.ts';
import { storeFromLink } from '../../src/store/index.ts';
import { parseExportArgs } from '../../scripts/export/parseExportArgs.ts';
import { renderPlayer } from './renderPlayer.tsx';

const REASON = 'Go’s database/sql pool has no limit by default, so nothing waits.';

vi.mock('../../src/core/scenarios/index.ts', async (original) => {
  const real = await original<{
    SCENARIOS: readonly Scenario[];
    scenarioById: (id: string) => Scenario | undefined;
  }>();
  const base = real.scenarioById('first-visit')!;
  const fixture: Scenario = {
    ...base,
    id: 'not-on-go',
    title: 'Not on Go',
    notFor: [{ lang: 'go', reason: 'Go’s database/sql pool has no limit by default, so nothing waits.' }],
  };
  const SCENARIOS = [...real.SCENARIOS, fixture];
  return { ...real, SCENARIOS, scenarioById: (id: string) => SCENARIOS.find((s) => s.id === id) };
});

afterEach(cleanup);

const combobox = (name: string) => screen.getByRole('combobox', { name });
const NOTICE = `Not on Go is not shown on Go · PostgreSQL: ${REASON} Showing it on Node.js · PostgreSQL.`;

describe('a scenario not shown on some stacks', () => {
  it('greys out the stacks it is not shown on and says why', async () => {
    const { user } = renderPlayer({ stack: { lang: 'node', db: 'postgres' } });
    await user.selectOptions(combobox('Scenario'), 'not-on-go');
    const go = within(combobox('Language')).getByRole('option', { name: /Go · net\/http/ });
    expect(go).toBeDisabled();
    expect(go).toHaveTextContent('(not in this scenario)');
    expect(within(combobox('Language')).getByRole('option', { name: /Python/ })).toBeEnabled();
    expect(screen.getByText(`Not shown on Go: ${REASON}`)).toBeVisible();
  });

  it('choosing it on such a stack moves to the nearest stack it is shown on, with a notice', async () => {
    const { user, store } = renderPlayer({ stack: { lang: 'go', db: 'postgres' } });
    expect(
      within(combobox('Scenario')).getByRole('option', { name: 'Not on Go (not on Go · PostgreSQL)' }),
    ).toBeEnabled();
    await user.selectOptions(combobox('Scenario'), 'not-on-go');
    expect(store.getState().stack).toEqual({ lang: 'node', db: 'postgres' });
    expect(store.getState().notices).toEqual([NOTICE]);
    expect(combobox('Language')).toHaveDisplayValue(/Express/);
  });

  it('a language it is not shown on is refused with the reason, the stack staying as it is', () => {
    const { store } = renderPlayer({ scenarioId: 'not-on-go', stack: { lang: 'python', db: 'mysql' } });
    store.getState().setLanguage('go');
    expect(store.getState().stack).toEqual({ lang: 'python', db: 'mysql' });
    expect(store.getState().notices).toEqual([
      `Not on Go is not shown on Go · MySQL: ${REASON} Showing it on Python · MySQL.`,
    ]);
  });

  it('a link asking for such a stack opens on the nearest one, with the notice', () => {
    const { store, notices } = storeFromLink('#scenario=not-on-go&lang=go', false);
    expect(store.getState().stack).toEqual({ lang: 'node', db: 'postgres' });
    expect(notices).toEqual([NOTICE]);
  });

  it('the export CLI refuses it by name and leaves it out of --all', () => {
    expect(() => parseExportArgs(['not-on-go', '--lang', 'go', '--format', 'png'])).toThrow(
      `not-on-go is not shown on go+postgres: ${REASON}`,
    );
    const all = parseExportArgs(['--all', '--lang', 'go', '--format', 'png']);
    expect(all.jobs.map((j) => j.timeline.scenario)).not.toContain('not-on-go');
    expect(parseExportArgs(['--all', '--format', 'png']).jobs.map((j) => j.timeline.scenario)).toContain(
      'not-on-go',
    );
  });
});
