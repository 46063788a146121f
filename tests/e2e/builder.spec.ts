import { buildTimeline } from '../../src/core/index.ts';
import { builtScenario, decodeBuild } from '../../src/core/builder.ts';
import { expect, status, test } from './fixtures.ts';

const CODE = 'v1.lb3.cdn.far';
const decoded = decodeBuild(CODE);
if (!decoded.ok) throw new Error(decoded.problem);
const built = buildTimeline(builtScenario(decoded.spec), { lang: 'node', db: 'postgres' });
const K8S = 'v1.k8s.cdn.far.fault-db-timeout';
const k8sSpec = decodeBuild(K8S);
if (!k8sSpec.ok) throw new Error(k8sSpec.problem);
const cluster = buildTimeline(builtScenario(k8sSpec.spec), { lang: 'node', db: 'postgres' });

test.describe('the builder (issue 14)', () => {
  test('build "load balancer with 3 replicas, users on another continent, a CDN" with mouse and keyboard, share it, reopen it, play it and see the replicas’ health', async ({
    page,
  }) => {
    await page.goto('/#scenario=first-visit');
    const diagram = page.getByRole('region', { name: 'Request diagram' });
    await page.getByRole('button', { name: 'Customize' }).click();
    const builder = page.getByRole('dialog', { name: 'Customize' });
    await expect(builder).toBeVisible();

    // The mouse adds the load balancer; the diagram follows at once.
    await builder.getByRole('checkbox', { name: 'Load balancer' }).click();
    await expect(diagram.getByRole('button', { name: /^app-3 / })).toBeVisible();
    // The keyboard sets the replicas (up to 4 and back to 3) and adds the CDN.
    const replicas = builder.getByRole('spinbutton', { name: 'Replicas' });
    await replicas.focus();
    await page.keyboard.press('ArrowUp');
    await expect(diagram.getByRole('button', { name: /^app-4 / })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(diagram.getByRole('button', { name: /^app-4 / })).toHaveCount(0);
    await builder.getByRole('checkbox', { name: 'CDN', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('n');
    await expect(diagram.getByRole('button', { name: /^CDN edge / })).toBeVisible();
    await builder.getByRole('combobox', { name: 'Users' }).selectOption({ label: 'São Paulo' });
    await expect(builder).toContainText(`build=${CODE}`);
    // Keys typed in the builder stay there: N did not step the player.
    await expect(status(page)).toContainText(`Step 1 of ${built.steps.length}`);
    await page.keyboard.press('Escape');
    await expect(builder).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('(built)');

    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.getByRole('textbox', { name: 'Link to this step' }).inputValue();
    expect(link).toMatch(new RegExp(`[#&]build=${CODE.replaceAll('.', '\\.')}(&|$)`));

    const again = await page.context().newPage();
    await again.goto(`${link.replace(/[#&]step=\d+/, '')}&speed=4&pause=none`);
    const count = built.steps.length;
    await expect(status(again)).toContainText(`Step 1 of ${count}`);
    await again.getByRole('button', { name: 'Play' }).click();
    await expect(status(again)).toContainText(`Step ${count} of ${count}`, { timeout: 60_000 });
    await expect(again.getByRole('group', { name: 'Playback' })).toContainText(built.outcome.summary);

    const replay = again.getByRole('region', { name: 'Request diagram' });
    await replay.getByRole('button', { name: /^Load balancer / }).focus();
    await again.keyboard.press('Enter');
    const balancer = again.getByRole('region', { name: 'What Load balancer knows' });
    for (const n of [1, 2, 3]) await expect(balancer).toContainText(`server app-${n}`);
    await again.keyboard.press('Escape');
    for (const n of [1, 2, 3]) {
      // The keyboard picks the node (after the last step the camera may leave it under the details column).
      await replay.getByRole('button', { name: new RegExp(`^app-${n} `) }).focus();
      await again.keyboard.press('Enter');
      await expect(again.getByRole('region', { name: `What app-${n} knows` })).toContainText(
        'UP: GET /healthz answers 200',
      );
      await again.keyboard.press('Escape');
    }
  });

  test('done when: a teacher builds "our app on Kubernetes behind a CDN, users on another continent, the database times out", plays it, shares it, reopens it and sees the pods', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto('/#scenario=first-visit');
    const diagram = page.getByRole('region', { name: 'Request diagram' });
    await page.getByRole('button', { name: 'Customize' }).click();
    const builder = page.getByRole('dialog', { name: 'Customize' });

    // The mouse puts the app on Kubernetes: three pods appear, and the panel says what replicas now are.
    await builder.getByRole('checkbox', { name: 'Kubernetes' }).click();
    for (const pod of ['x2kqp', 'h7lzt', 'm4wfn'])
      await expect(diagram.getByRole('button', { name: new RegExp(`^pod ${pod} `) })).toBeVisible();
    await expect(builder).toContainText('the replicas are the Deployment’s pods behind the Service');
    await expect(builder.getByRole('spinbutton', { name: 'Pods' })).toHaveValue('3');
    // The keyboard adds the CDN, sets the users' place and the fault.
    await builder.getByRole('checkbox', { name: 'CDN', exact: true }).focus();
    await page.keyboard.press('Space');
    await expect(diagram.getByRole('button', { name: /^CDN edge / })).toBeVisible();
    await builder.getByRole('combobox', { name: 'Users' }).focus();
    await builder.getByRole('combobox', { name: 'Users' }).selectOption({ label: 'São Paulo' });
    await builder
      .getByRole('combobox', { name: 'Fault' })
      .selectOption({ label: 'Database unreachable: timeout' });
    await expect(builder).toContainText(`build=${K8S}`);
    await page.keyboard.press('Escape');
    await expect(builder).toBeHidden();

    // Play it to the end, fast and without holding at each hop.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
    await page.getByRole('checkbox', { name: 'Pause at each hop' }).uncheck();
    await page.getByRole('button', { name: 'Play' }).click();
    const count = cluster.steps.length;
    await expect(status(page)).toContainText(`Step ${count} of ${count}`, { timeout: 90_000 });
    await expect(page.getByRole('group', { name: 'Playback' })).toContainText(cluster.outcome.summary);

    // Share it, and reopen the link.
    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.getByRole('textbox', { name: 'Link to this step' }).inputValue();
    expect(link).toMatch(new RegExp(`[#&]build=${K8S.replaceAll('.', '\\.')}(&|$)`));
    const again = await page.context().newPage();
    await again.goto(link.replace(/[#&]step=\d+/, ''));
    await expect(status(again)).toContainText(`Step 1 of ${count}`);
    await again.getByRole('button', { name: 'Play' }).click();
    await expect(status(again)).toContainText(`Step ${count} of ${count}`, { timeout: 90_000 });
    await expect(again.getByRole('group', { name: 'Playback' })).toContainText(cluster.outcome.summary);

    // The pods are on the diagram, each card in words: pod-1 failed its probe, the others are ready.
    const replay = again.getByRole('region', { name: 'Request diagram' });
    await expect(replay.getByRole('list', { name: 'pod x2kqp now' })).toContainText('Not ready');
    await expect(replay.getByRole('list', { name: 'pod h7lzt now' })).toContainText('Ready');
    await replay.getByRole('button', { name: /^pod h7lzt / }).focus();
    await again.keyboard.press('Enter');
    await expect(again.getByRole('region', { name: 'What pod h7lzt knows' })).toContainText('shop-api:1.4.2');
  });

  test('starting from a scenario plays that scenario itself until something changes, and says what a build of it cannot keep', async ({
    page,
  }) => {
    await page.goto('/#scenario=first-visit');
    await page.getByRole('button', { name: 'Customize' }).click();
    const builder = page.getByRole('dialog', { name: 'Customize' });
    const scenario = page.getByRole('combobox', { name: 'Scenario' });
    await builder.getByRole('combobox', { name: 'Start from' }).selectOption({ label: '404 Not Found' });
    await expect(scenario).toHaveValue('not-found');
    await expect(builder.getByRole('note')).toHaveText(
      'Showing “404 Not Found” as it is. A change makes it a build of the same journey.',
    );
    await expect(builder).toContainText('Link: scenario=not-found');
    await expect(builder.getByRole('combobox', { name: 'Request' })).toHaveValue('typo');
    await builder.getByRole('combobox', { name: 'Start from' }).selectOption({ label: 'Rate limited' });
    await expect(scenario).toHaveValue('rate-limited');
    await expect(builder.getByRole('note')).toContainText('cannot keep the proxy’s rate limit');
    await builder.getByRole('checkbox', { name: 'App cache', exact: true }).click();
    await expect(builder.getByRole('note')).toHaveCount(0);
    await expect(scenario).toHaveValue('(built)');
  });

  test('a malformed build link shows a notice naming the part and plays the scenario', async ({ page }) => {
    await page.goto('/#scenario=cache-hit&build=v1.lb3.warm-cdn');
    await expect(page.getByText('Ignored build=v1.lb3.warm-cdn: warm-cdn needs a CDN (cdn)')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('cache-hit');
  });
});

/** The builder open over a built scenario, for a teacher to look at (test-results/screens/). */
const BUILDER_SHOTS = [
  { name: 'builder-1280', width: 1280, height: 720, theme: 'light' },
  { name: 'builder-projector-1280', width: 1280, height: 720, theme: 'projector' },
  { name: 'builder-phone-390', width: 390, height: 844, theme: 'light' },
] as const;

/** The done-when's build as ingress-nginx forwards to a pod, the whole journey in sight, at the projector's and the phone's size. */
const K8S_SHOTS = [
  { name: 'builder-k8s-projector-1280', width: 1280, height: 720, theme: 'projector' },
  { name: 'builder-k8s-phone-390', width: 390, height: 844, theme: 'light' },
] as const;

for (const shot of K8S_SHOTS) {
  test(`screenshot ${shot.name}: Kubernetes behind a CDN, the pods on the diagram`, async ({ page }) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    const forward = cluster.steps.findIndex((s) => s.id === 'proxy-forward') + 1;
    await page.goto(`/#build=${K8S}&theme=${shot.theme}&step=${forward}&camera=whole`);
    const diagram = page.getByRole('region', { name: 'Request diagram' });
    await expect(diagram.getByRole('button', { name: /^pod h7lzt / })).toBeAttached();
    await page.screenshot({ path: `test-results/screens/${shot.name}.png` });
    await page.getByRole('button', { name: 'Customize' }).click();
    await expect(page.getByRole('spinbutton', { name: 'Pods' })).toHaveValue('3');
    await page.screenshot({ path: `test-results/screens/${shot.name}-panel.png` });
  });
}

for (const shot of BUILDER_SHOTS) {
  test(`screenshot ${shot.name}: the panel fits the window and every control has its name`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.goto(`/#scenario=first-visit&build=${CODE}&theme=${shot.theme}&step=20`);
    await page.getByRole('button', { name: 'Customize' }).click();
    const builder = page.getByRole('dialog', { name: 'Customize' });
    await expect(builder.getByRole('spinbutton', { name: 'Replicas' })).toHaveValue('3');
    const box = await builder.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= shot.width).toBe(true);
    expect(box && box.y + box.height <= shot.height).toBe(true);
    await page.screenshot({ path: `test-results/screens/${shot.name}.png` });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `test-results/screens/${shot.name}-closed.png` });
  });
}
