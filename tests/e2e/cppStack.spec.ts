import { expect, status, test, timelineOf } from './fixtures.ts';

/**
 * Issue 12: C++ (Drogon) is a seventh language in the picker and the link, and its handler code reads on
 * a projector: the file, the framework, the running line on the statement the step sends.
 */
const cpp = { lang: 'cpp', db: 'postgres' } as const;

test('picking C++ rewrites the link, and the link opens on Drogon', async ({ page }) => {
  await page.goto('/#scenario=first-visit');
  const language = page.getByRole('combobox', { name: 'Language' });
  await expect(language.getByRole('option', { name: 'C++ · Drogon 1.9' })).toHaveCount(1);
  await language.selectOption('cpp');
  await expect(page).toHaveURL(/[#&]lang=cpp(&|$)/);
  await page.reload();
  await expect(language).toHaveValue('cpp');
});

test('the handler step shows Drogon’s C++ with the running line on its co_await', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const timeline = timelineOf('first-visit', cpp);
  // The step inside the handler whose running line is the statement's co_await.
  const step =
    timeline.steps.findIndex(
      (s) =>
        s.message.protocol === 'internal' &&
        s.message.code !== undefined &&
        (s.message.code.source.split('\n')[s.message.code.line - 1] ?? '').includes('execSqlCoro'),
    ) + 1;
  expect(step).toBeGreaterThan(0);
  await page.goto(`/#scenario=first-visit&lang=cpp&db=postgres&step=${step}&theme=projector`);
  await expect(status(page)).toContainText(`Step ${step} of `);
  const code = page.getByRole('figure').filter({ hasText: 'Products.h' });
  await expect(code).toContainText('Products.h · Drogon 1.9 · running line');
  const running = code.locator('[aria-current="true"]');
  await expect(running).toContainText('auto rows = co_await db->execSqlCoro(');
  await expect(code.locator('.tok-keyword', { hasText: 'co_await' }).first()).toBeVisible();
  await running.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('cpp-handler-projector-1280.png') });
});
