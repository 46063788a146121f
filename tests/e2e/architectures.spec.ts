import { expect, status, test, timelineOf } from './fixtures.ts';

const balanced = timelineOf('load-balanced');

test.describe('architectures (issue 14)', () => {
  test('load-balanced plays to the end, shows the replicas on the diagram and each one’s health and in-flight count in the node state', async ({
    page,
  }) => {
    await page.goto('/#scenario=load-balanced&speed=4&pause=none');
    const diagram = page.getByRole('region', { name: 'Request diagram' });
    for (const replica of ['app-1', 'app-2', 'app-3'])
      await expect(diagram.getByRole('button', { name: new RegExp(`^${replica} `) })).toBeVisible();
    await page.getByRole('button', { name: 'Play' }).click();
    const count = balanced.steps.length;
    await expect(status(page)).toContainText(`Step ${count} of ${count}`, { timeout: 60_000 });
    await expect(page.getByRole('group', { name: 'Playback' })).toContainText(balanced.outcome.summary);

    await diagram.getByRole('button', { name: /^Load balancer / }).click();
    const balancer = page.getByRole('region', { name: 'What Load balancer knows' });
    await expect(balancer).toContainText('DOWN (Layer7 wrong status, code: 503)');
    await expect(balancer).toContainText('UP · 2 in flight');
    await page.keyboard.press('Escape');
    await diagram.getByRole('button', { name: /^app-2 / }).click();
    await expect(page.getByRole('region', { name: 'What app-2 knows' })).toContainText(
      'DOWN: out of rotation after 3 failed checks',
    );
  });

  test('far-away says how far the user is and why it takes so long', async ({ page }) => {
    await page.goto('/#scenario=far-away');
    await expect(page.getByRole('region', { name: 'Step details' })).toContainText(
      '9,830 km × 2.1 for the cable route ÷ 200 km per ms in fibre',
    );
  });
});
