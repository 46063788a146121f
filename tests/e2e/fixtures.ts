import { expect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { buildTimeline, DEFAULT_STACK, scenarioById } from '../../src/core/index.ts';
import type { Stack, Timeline } from '../../src/core/index.ts';

/**
 * Playwright's `test` with the page's console watched: any console error or uncaught exception
 * fails the test that caused it.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The timeline the page shows for a scenario and stack, built by the same core in Node. */
export function timelineOf(id: string, stack: Stack = DEFAULT_STACK): Timeline {
  const scenario = scenarioById(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return buildTimeline(scenario, stack);
}

/** The narration status line. */
export const status = (page: Page) => page.getByRole('status');

/** Expects the page to show step `index` (0-based) of `timeline` in the status line and the details. */
export async function expectStep(page: Page, timeline: Timeline, index: number): Promise<void> {
  const step = timeline.steps[index];
  if (!step) throw new Error(`no step ${index}`);
  const count = timeline.steps.length;
  await expect(status(page)).toContainText(`Step ${index + 1} of ${count}: ${step.title}.`);
  const details = page.getByRole('region', { name: 'Step details' });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(step.title);
  await expect(details).toContainText(step.narration);
}
