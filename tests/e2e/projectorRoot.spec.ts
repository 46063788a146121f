import { expect, test } from './fixtures.ts';

/**
 * The projector theme enlarges the root font of the main view (1/50 of the height, at least 18 px)
 * without an `html:has(…)` rule, which a trace showed Chromium re-checking on every DOM insertion
 * during playback: the player marks <html> instead, and unmarks it when the theme changes.
 */
test('the projector enlarges the root font through a mark on <html>, not html:has()', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto('/#theme=projector&motion=0');
  await expect(page.locator('.rt-player--main')).toHaveAttribute('data-theme', 'projector');
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  await expect.poll(rootSize).toBe('20px');
  const hasRules = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) => {
      const texts: string[] = [];
      const walk = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule && /html\s*:has\(/.test(rule.selectorText))
            texts.push(rule.selectorText);
          if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
        }
      };
      walk(sheet.cssRules);
      return texts;
    }),
  );
  expect(hasRules, 'html:has() rules').toEqual([]);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect.poll(rootSize).toBe('16px');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('projector');
  await expect.poll(rootSize).toBe('20px');
});
