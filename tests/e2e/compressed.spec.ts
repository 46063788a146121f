import { expect, expectStep, status, test, timelineOf } from './fixtures.ts';

test.describe('compressed', () => {
  test('a link to nginx’s gzip step shows it, with its stage loaded on demand', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/gzip-[\w-]+\.js$/.test(request.url())) fetched.push(request.url());
    });
    const t = timelineOf('compressed');
    const gzip = t.steps.findIndex((s) => s.id === 'proxy-gzip');
    await page.goto(`/#scenario=compressed&step=${gzip + 1}`);
    await expectStep(page, t, gzip);
    expect(fetched.length).toBe(1);
  });

  test('chosen from the picker, it plays to the browser inflating the page', async ({ page }) => {
    await page.goto('/');
    await expect(status(page)).toContainText('Step 1 of');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('compressed');
    const t = timelineOf('compressed');
    await expectStep(page, t, 0);
    await page.keyboard.press('End');
    await expectStep(page, t, t.steps.length - 1);
    await expect(status(page)).toContainText('inflates');
  });
});
