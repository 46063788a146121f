import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, expectStep, test, timelineOf } from './fixtures.ts';

/**
 * axe-core on every view, theme and dialog: no serious or critical violation. Then the whole journey
 * by keyboard alone, with every dialog opened and closed and focus never lost.
 */
const seriousViolations = async (page: Page) => {
  // A panel still fading in blends its text with what is under it: judge the colours once nothing moves.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    );
};

const VIEWS = [
  { name: 'main view', hash: 'step=23' },
  { name: 'embed view', hash: 'embed=1&step=23' },
  { name: 'embed view, minimal controls', hash: 'embed=1&controls=minimal&step=30' },
];

for (const theme of ['light', 'dark', 'projector'] as const) {
  for (const view of VIEWS) {
    test(`axe: ${view.name}, ${theme} theme`, async ({ page }) => {
      await page.goto(`/#${view.hash}&theme=${theme}`);
      await expect(page.getByRole('status')).toContainText('Step ');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe: the share dialog, the keys overlay, a node's state and a notice, ${theme} theme`, async ({
    page,
  }) => {
    await page.goto(`/#step=26&theme=${theme}&colour=red`);
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByRole('button', { name: /^API server / }).click();
    await expect(page.getByRole('region', { name: 'What API server knows' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('dialog', { name: 'Share this step' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('keyboard only: a whole scenario, every dialog opened and closed, focus never lost', async ({
  page,
}) => {
  const timeline = timelineOf('post-create');
  await page.goto('/#scenario=post-create');
  await expectStep(page, timeline, 0);
  const focusIsSomewhere = () =>
    page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body);

  // Tab reaches the controls in order; each has a visible focus ring.
  const seen: string[] = [];
  for (let i = 0; i < 40 && !seen.includes('Next step'); i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const outline = getComputedStyle(el).outlineStyle;
      if (outline === 'none') throw new Error(`no visible focus on ${el.outerHTML.slice(0, 80)}`);
      return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    });
    seen.push(name);
  }
  expect(seen).toContain('Share');
  expect(seen).toContain('Next step');

  // Next step, by keyboard, through the whole journey (Enter on the focused button clicks it).
  for (let i = 1; i < timeline.steps.length; i++) {
    await page.keyboard.press('Enter');
    await expectStep(page, timeline, i);
  }
  await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();

  // Share dialog: opened from its button, closed with Esc, focus back on the button.
  await page.getByRole('button', { name: 'Share' }).focus();
  await page.keyboard.press('Enter');
  const share = page.getByRole('dialog', { name: 'Share this step' });
  await expect(share).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await share.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();

  // Keys overlay: "?" opens it, its Close button closes it, focus returns.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeHidden();
  expect(await focusIsSomewhere()).toBe(true);

  // A node's state panel: focus the node, Enter opens, Esc closes, focus stays on the node.
  const node = page.getByRole('button', { name: /^Reverse proxy / });
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'What Reverse proxy knows' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'What Reverse proxy knows' })).toBeHidden();
  await expect(node).toBeFocused();

  // Back to the start with Home, and the timeline slider by arrows.
  await page.getByRole('slider', { name: 'Timeline' }).focus();
  await page.keyboard.press('Home');
  await expectStep(page, timeline, 0);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, timeline, 1);
  expect(await focusIsSomewhere()).toBe(true);
});
