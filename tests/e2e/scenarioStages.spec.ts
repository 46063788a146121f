import { EXTRA_IDS } from '../../src/core/index.ts';
import { expect, expectStep, status, test, timelineOf } from './fixtures.ts';

/** A request for one of the scenarios' extra stages (core/extras/<id>.ts, a chunk named after it). */
const extraChunk = (url: string) =>
  EXTRA_IDS.find((id) => new RegExp(`/assets/${id}-[\\w-]+\\.js$`).test(url)) ?? null;

test.describe('a scenario’s extra stages load with it', () => {
  test('the default first view fetches none of them', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      const id = extraChunk(request.url());
      if (id) fetched.push(id);
    });
    await page.goto('/');
    await expectStep(page, timelineOf('first-visit'), 0);
    expect(fetched).toEqual([]);
  });

  test('a link to a scenario that needs some opens on it', async ({ page }) => {
    const h2 = timelineOf('http2');
    const step = h2.steps.findIndex((s) => s.message.protocol === 'http2');
    await page.goto(`/#scenario=http2&step=${step + 1}`);
    await expectStep(page, h2, step);
  });

  test('a Language chosen while the chosen scenario’s stages load goes with that scenario', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(status(page)).toContainText('Step 1 of');
    // Held back until the Language is chosen too, so both choices are made while the stages are on their way.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/tlsResumption-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('tls-resumption');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
    release();
    const resumed = timelineOf('tls-resumption', { lang: 'python', db: 'postgres' });
    await expectStep(page, resumed, 0);
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('tls-resumption');
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('python');
  });
});
