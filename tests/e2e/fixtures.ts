import { expect, test as base } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
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

/** "Step N of M: title." as the page's status line (or the embed's caption) says it. */
const STEP_LINE = /Step (\d+) of (\d+): (.*?)\.(?: |$)/;

/** Where the page (or a frame) stands and how many steps its scenario has, read from its status line. */
export async function shownStep(page: Page | Frame): Promise<{ step: number; count: number; title: string }> {
  await expect(page.getByRole('status')).toContainText(STEP_LINE);
  const match = STEP_LINE.exec((await page.getByRole('status').textContent()) ?? '');
  return { step: Number(match?.[1]), count: Number(match?.[2]), title: match?.[3] ?? '' };
}

/**
 * Opens `/#<hash>&step=N` at the step titled `title` (the whole title, or a pattern): at `guess` (its
 * place in the core's timeline) or, when the built app's timeline has the step elsewhere (an older
 * build has fewer DNS steps), wherever the app has it; the test then checks that step, not whichever
 * step has its number. Returns the step number it stands at.
 */
export async function openStepTitled(
  page: Page | Frame,
  hash: string,
  title: string | RegExp,
  guess: number,
): Promise<number> {
  const at = async (step: number, load: boolean) => {
    const address = hash ? `${hash}&step=${step}` : `step=${step}`;
    // A new page is loaded at the address; a page showing the app already, a frame (a deck's player)
    // and later steps change its hash, as a hand edit of the link does.
    if (load && !('parentFrame' in page) && page.url() === 'about:blank') await page.goto(`/#${address}`);
    else await page.evaluate((h) => (location.hash = h), address);
    // The step, or the last one when the app's journey is shorter than the guess.
    await expect
      .poll(async () => {
        const shown = await shownStep(page);
        return shown.step === Math.min(step, shown.count);
      })
      .toBe(true);
    return shownStep(page);
  };
  const titled = (shown: string) => (typeof title === 'string' ? shown === title : title.test(shown));
  const first = await at(guess, true);
  if (titled(first.title) && first.step === guess) return guess;
  for (let step = 1; step <= first.count; step++) if (titled((await at(step, false)).title)) return step;
  throw new Error(`no step titled "${String(title)}" in ${hash}`);
}
