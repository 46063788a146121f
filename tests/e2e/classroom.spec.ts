import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { APP_URL } from './appAddress.ts';
import { expect, expectStep, status, test, timelineOf } from './fixtures.ts';

const app = APP_URL;
/**
 * A host page on another origin (a loopback server of its own: Chromium's local-network checks block
 * a routed, address-less page from framing a loopback app) with the player in an iframe. It records
 * every message the player posts and can send commands to it.
 */
async function hostPage(page: Page, hash: string, frameAttributes = 'allow="fullscreen"') {
  const html = `<!doctype html><html><body>
    <button id="before">a button of the host page</button>
    <iframe id="player" src="${app}#${hash}" width="960" height="540" ${frameAttributes} title="Roundtrip"></iframe>
    <script>
      window.received = [];
      window.addEventListener('message', (e) => window.received.push({ data: e.data, origin: e.origin }));
      window.send = (data) => document.getElementById('player').contentWindow.postMessage(data, '*');
    </script>
  </body></html>`;
  const server = createServer((_request, response) =>
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/`);
  return page.frameLocator('#player');
}

const servers: Server[] = [];
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The events the player has posted to the host page so far. */
const events = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { received: { data: unknown }[] }).received
      .map((m) => m.data)
      .filter(
        (
          d,
        ): d is {
          roundtrip: 1;
          event: string;
          state: { step: number; stepCount: number; scenario: string; playing: boolean; title: string };
        } => typeof d === 'object' && d !== null && 'event' in d,
      ),
  );
const send = (page: Page, data: unknown) =>
  page.evaluate((d) => (window as unknown as { send: (d: unknown) => void }).send(d), data);
const lastEvent = async (page: Page, name: string) =>
  (await events(page)).filter((e) => e.event === name).at(-1);

test.describe('links', () => {
  test('a link opens at its scenario, stack and step', async ({ page }) => {
    await page.goto('/#scenario=post-create&lang=python&db=mysql&step=7');
    await expectStep(page, timelineOf('post-create', { lang: 'python', db: 'mysql' }), 6);
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('post-create');
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('python');
    await expect(page.getByRole('combobox', { name: 'Database' })).toHaveValue('mysql');
  });

  test('the address follows the user, and a copied link reopens the same step', async ({ page, context }) => {
    await page.goto('/');
    await expectStep(page, timelineOf('first-visit'), 0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('step=3');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('cache-hit');
    await page.getByRole('combobox', { name: 'Database' }).selectOption('mongodb');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#scenario=cache-hit&lang=node&db=mongodb&step=3&speed=2');
    const link = page.url();
    const again = await context.newPage();
    await again.goto(link);
    await expectStep(again, timelineOf('cache-hit', { lang: 'node', db: 'mongodb' }), 2);
    await expect(again.getByRole('combobox', { name: 'Speed' })).toHaveValue('2');
  });

  test('the pace is in the link: choosing it rewrites the address, the link reopens at it', async ({
    page,
    context,
  }) => {
    await page.goto('/#scenario=cache-hit&lang=go&db=mysql&step=4');
    const pace = page.getByRole('combobox', { name: 'Pace' });
    await expect(pace).toHaveValue('teaching');
    await pace.selectOption('real');
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#scenario=cache-hit&lang=go&db=mysql&step=4&pace=real');
    const again = await context.newPage();
    await again.goto(page.url());
    await expect(again.getByRole('combobox', { name: 'Pace' })).toHaveValue('real');
    await expectStep(again, timelineOf('cache-hit', { lang: 'go', db: 'mysql' }), 3);
    // A hand edit of the hash changes the pace of the running player, and Share carries it.
    await again.evaluate(() => (location.hash = '#scenario=cache-hit&lang=go&db=mysql&step=4&pace=teaching'));
    await expect(again.getByRole('combobox', { name: 'Pace' })).toHaveValue('teaching');
    await again.getByRole('combobox', { name: 'Pace' }).selectOption('real');
    await again.getByRole('button', { name: 'Share' }).click();
    await expect(again.getByRole('textbox', { name: 'Link to this step' })).toHaveValue(/[#&]pace=real(&|$)/);
  });

  test('editing the hash moves the player', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => (location.hash = '#scenario=nxdomain&step=4'));
    await expectStep(page, timelineOf('nxdomain'), 3);
  });

  test('a malformed link shows a notice naming what was ignored, and a working player', async ({ page }) => {
    await page.goto('/#scenario=nope&step=abc&speed=3&colour=red');
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('scenario=nope');
    await expect(notice).toContainText('step=abc');
    await expect(notice).toContainText('speed=3');
    await expect(notice).toContainText('"colour"');
    await expectStep(page, timelineOf('first-visit'), 0);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expectStep(page, timelineOf('first-visit'), 1);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a step past the end shows the last step and says so', async ({ page }) => {
    const nx = timelineOf('nxdomain');
    await page.goto('/#scenario=nxdomain&step=99');
    await expect(page.getByRole('alert')).toContainText(`This scenario has ${nx.steps.length} steps`);
    await expectStep(page, nx, nx.steps.length - 1);
  });
});

test.describe('share dialog', () => {
  test('copies a link to this step, an iframe and a reveal.js snippet', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/#scenario=cache-miss&step=6');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this step' });
    await expect(page.getByRole('textbox', { name: 'Link to this step' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Copy link to this step' }).click();
    await expect(dialog).toContainText('Copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${app}#scenario=cache-miss&lang=node&db=postgres&step=6`);
    const iframe = await page
      .getByRole('textbox', { name: 'Embed in a web page or LMS (iframe)' })
      .inputValue();
    expect(iframe).toContain('allow="fullscreen"');
    expect(iframe).toContain('title="Roundtrip: ');
    expect(iframe).toContain('step=6&amp;embed=1');
    const reveal = await page.getByRole('textbox', { name: 'reveal.js slide' }).inputValue();
    expect(reveal).toContain('data-src=');
    expect(reveal).toContain('embed=1&amp;api=1&amp;handoff=1');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();
  });
});

test.describe('embed view and embedding API', () => {
  test('a host page drives the player by postMessage and hears its events', async ({ page }) => {
    const frame = await hostPage(page, 'scenario=cache-hit&embed=1&api=1');
    const cacheHit = timelineOf('cache-hit');
    await expect(frame.getByRole('status')).toContainText(`Step 1 of ${cacheHit.steps.length}`);
    await expect.poll(async () => (await lastEvent(page, 'ready'))?.state.scenario).toBe('cache-hit');
    await send(page, { roundtrip: 1, command: 'next' });
    await expect(frame.getByRole('status')).toContainText(`Step 2 of ${cacheHit.steps.length}`);
    await expect.poll(async () => (await lastEvent(page, 'step'))?.state.step).toBe(2);
    await send(page, { roundtrip: 1, command: 'goto', step: 5 });
    await expect(frame.getByRole('status')).toContainText(
      `Step 5 of ${cacheHit.steps.length}: ${cacheHit.steps[4]?.title}`,
    );
    await send(page, { roundtrip: 1, command: 'getState' });
    await expect
      .poll(async () => (await lastEvent(page, 'state'))?.state)
      .toMatchObject({
        scenario: 'cache-hit',
        step: 5,
        stepCount: cacheHit.steps.length,
        playing: false,
        title: cacheHit.steps[4]?.title,
      });
    // Anything else is ignored.
    for (const junk of [
      { roundtrip: 1, command: 'goto', step: -3 },
      { roundtrip: 2, command: 'next' },
      'next',
      { command: 'next' },
      { roundtrip: 1, command: 'next', extra: '<img src=x onerror=alert(1)>' },
    ]) {
      await send(page, junk);
    }
    await send(page, { roundtrip: 1, command: 'setScenario', scenario: 'nxdomain' });
    await expect(frame.getByRole('status')).toContainText(`of ${timelineOf('nxdomain').steps.length}:`);
    await expect.poll(async () => (await lastEvent(page, 'step'))?.state.scenario).toBe('nxdomain');
    await send(page, { roundtrip: 1, command: 'play' });
    await expect.poll(async () => (await lastEvent(page, 'step'))?.state.playing).toBe(true);
    await send(page, { roundtrip: 1, command: 'pause' });
    await send(page, { roundtrip: 1, command: 'getState' });
    await expect.poll(async () => (await lastEvent(page, 'state'))?.state.playing).toBe(false);
  });

  test('commands posted before the API code has arrived are obeyed, in order, after ready', async ({
    page,
  }) => {
    // reveal.js posts slide:start on the frame's load event, and a host may post as soon as it loads;
    // the API is fetched only for api=1 links, so it can arrive later (here it is held back 1.5 s).
    let held = 0;
    await page.route(/createEmbedBridge[^/]*\.(js|ts)/, async (route) => {
      held += 1;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const frame = await hostPage(
      page,
      'scenario=cache-hit&step=2&embed=1&api=1',
      `allow="fullscreen" onload="send({ roundtrip: 1, command: 'goto', step: 6 }); send({ roundtrip: 1, command: 'next' })"`,
    );
    const cacheHit = timelineOf('cache-hit');
    await expect(frame.getByRole('status')).toContainText(`Step 7 of ${cacheHit.steps.length}`);
    expect(held).toBe(1);
    // ready first (at the linked step), then the two steps the host asked for.
    await expect
      .poll(async () => (await events(page)).map((e) => `${e.event} ${e.state.step}`))
      .toEqual(['ready 2', 'step 6', 'step 7']);
  });

  test('reveal.js: slide:start goes to the linked step, slide:stop pauses, handoff passes on at the ends', async ({
    page,
  }) => {
    const frame = await hostPage(page, 'scenario=nxdomain&step=3&embed=1&api=1&handoff=1');
    const nx = timelineOf('nxdomain');
    await expect.poll(async () => (await lastEvent(page, 'ready'))?.state.step).toBe(3);
    await send(page, { roundtrip: 1, command: 'goto', step: 6 });
    await expect(frame.getByRole('status')).toContainText(`Step 6 of`);
    await send(page, 'slide:start');
    await expect(frame.getByRole('status')).toContainText(`Step 3 of ${nx.steps.length}`);
    await send(page, { roundtrip: 1, command: 'play' });
    await send(page, 'slide:stop');
    await send(page, { roundtrip: 1, command: 'getState' });
    await expect.poll(async () => (await lastEvent(page, 'state'))?.state.playing).toBe(false);
    // At the last step "next" goes to the deck, as reveal.js's postMessage API expects it.
    await send(page, { roundtrip: 1, command: 'goto', step: nx.steps.length });
    await send(page, { roundtrip: 1, command: 'next' });
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { received: { data: unknown }[] }).received.map((m) => m.data),
        ),
      )
      .toContainEqual(JSON.stringify({ method: 'next', args: [] }));
  });

  test('the embed view never takes focus on load; a click gives it the clicker keys', async ({ page }) => {
    const frame = await hostPage(page, 'scenario=cache-hit&embed=1');
    await page.locator('#before').focus();
    await expect(frame.getByRole('status')).toContainText('Step 1 of');
    await expect(page.locator('#before')).toBeFocused();
    await expect(frame.getByText('Click to control')).toBeVisible();
    await frame.getByRole('region', { name: 'Request diagram' }).click({ position: { x: 20, y: 20 } });
    await expect(frame.getByText('Click to control')).toBeHidden();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(frame.getByRole('status')).toContainText('Step 3 of');
    await page.keyboard.press('PageUp');
    await expect(frame.getByRole('status')).toContainText('Step 2 of');
    for (const key of ['b', '.', '/']) await page.keyboard.press(key);
    await expect(frame.getByRole('status')).toContainText('Step 2 of');
  });

  test('fullscreen is offered only where the frame allows it; sandboxed frames work', async ({ page }) => {
    const allowed = await hostPage(page, 'embed=1');
    await expect(allowed.getByRole('button', { name: 'Fullscreen' })).toBeVisible();
    const refused = await hostPage(page, 'embed=1', 'sandbox="allow-scripts"');
    await expect(refused.getByRole('status')).toContainText('Step 1 of');
    await expect(refused.getByRole('button', { name: 'Fullscreen' })).toHaveCount(0);
    await refused.getByRole('button', { name: 'Next step' }).click();
    await expect(refused.getByRole('status')).toContainText('Step 2 of');
  });

  test('controls=minimal and controls=none; captions=0 keeps the narration for screen readers', async ({
    page,
  }) => {
    await page.goto('/#embed=1&controls=minimal');
    await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Restart' })).toHaveCount(0);
    // Edited by hand, the view options apply without a reload.
    await page.evaluate(() => (location.hash = '#embed=1&controls=none&captions=0&step=2'));
    await expect(page.getByRole('button', { name: 'Next step' })).toHaveCount(0);
    await expect(status(page)).toContainText('Step 2 of');
    await expect(status(page)).not.toBeInViewport({ ratio: 0.5 });
    await page.keyboard.press('ArrowRight');
    await expect(status(page)).toContainText('Step 3 of');
  });
});
