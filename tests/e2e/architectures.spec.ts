import { expect, status, test, timelineOf } from './fixtures.ts';

const balanced = timelineOf('load-balanced');
const rollout = timelineOf('rolling-deploy');
const stepOf = (t: typeof rollout, id: string) => t.steps.findIndex((s) => s.id === id) + 1;

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

  test('the replicas’ cards say their health and requests in flight, in words', async ({ page }) => {
    await page.goto(`/#scenario=load-balanced&step=${stepOf(balanced, 'health-verdict')}&camera=whole`);
    const diagram = page.getByRole('region', { name: 'Request diagram' });
    await expect(diagram.getByRole('list', { name: 'app-2 now' })).toHaveText(
      /health: DOWN\s*in flight: 0 in flight/,
    );
    await expect(diagram.getByRole('list', { name: 'app-1 now' })).toHaveText(
      /health: UP\s*in flight: 2 in flight/,
    );
  });

  test('rolling-deploy: the pods’ cards show their image and readiness, and the answers come from both versions', async ({
    page,
  }) => {
    await page.goto(`/#scenario=rolling-deploy&step=${stepOf(rollout, 'ingress-route')}&camera=whole`);
    const diagram = page.getByRole('region', { name: 'Request diagram' });
    await expect(diagram.getByRole('button', { name: /^pod b6tcj shop-api:1\.5\.0 / })).toBeVisible();
    await expect(diagram.getByRole('list', { name: 'pod b6tcj now' })).toContainText('Not ready');
    await expect(diagram.getByRole('list', { name: 'pod m4wfn now' })).toContainText('Ready');
    const details = page.getByRole('region', { name: 'Step details' });
    const answers = rollout.steps.filter((s) => s.id.startsWith('app-response-'));
    const seen: string[] = [];
    for (const answer of answers) {
      await page.goto(`/#scenario=rolling-deploy&step=${answer.index + 1}`);
      const commit = /X-Git-Commit: (\w+)/.exec(answer.message.text)?.[1] ?? 'none';
      await expect(details).toContainText(`X-Git-Commit: ${commit}`);
      seen.push(commit);
    }
    expect(new Set(seen)).toEqual(new Set(['9f3c2e1', 'c41a7d0']));
  });

  test('far-away says how far the user is and why it takes so long', async ({ page }) => {
    await page.goto('/#scenario=far-away');
    await expect(page.getByRole('region', { name: 'Step details' })).toContainText(
      '9,830 km × 2.1 for the cable route ÷ 200 km per ms in fibre',
    );
  });
});
