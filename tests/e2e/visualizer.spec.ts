import { expectStep, expect, status, test, timelineOf } from './fixtures.ts';

const firstVisit = timelineOf('first-visit');
const count = firstVisit.steps.length;

test.describe('the main view', () => {
  test('a student clicks through a whole scenario with the mouse, and back', async ({ page }) => {
    await page.goto('/');
    await expectStep(page, firstVisit, 0);
    const next = page.getByRole('button', { name: 'Next step' });
    for (let i = 1; i < count; i++) {
      await next.click();
      await expectStep(page, firstVisit, i);
    }
    await expect(page.getByRole('group', { name: 'Playback' })).toContainText(firstVisit.outcome.summary);
    const prev = page.getByRole('button', { name: 'Previous step' });
    for (let i = count - 2; i >= 0; i--) {
      await prev.click();
      await expectStep(page, firstVisit, i);
    }
  });

  test('a presenter steps through a whole scenario with the keyboard', async ({ page }) => {
    const timeline = timelineOf('cache-hit');
    await page.goto('/#scenario=cache-hit');
    await expectStep(page, timeline, 0);
    for (let i = 1; i < timeline.steps.length; i++) {
      await page.keyboard.press(i % 2 ? 'PageDown' : 'ArrowRight');
      await expectStep(page, timeline, i);
    }
    await page.keyboard.press('Home');
    await expectStep(page, timeline, 0);
    await page.keyboard.press('End');
    await expectStep(page, timeline, timeline.steps.length - 1);
    await page.keyboard.press('PageUp');
    await expectStep(page, timeline, timeline.steps.length - 2);
  });

  test('Play runs the packet to the next hop and waits there; Pause at each hop off plays to the end', async ({
    page,
  }) => {
    await page.goto('/#speed=4');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    // Pause at each hop is on: it stops on step 2, arrived.
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expectStep(page, firstVisit, 1);
    await page.getByRole('checkbox', { name: 'Pause at each hop' }).uncheck();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(status(page)).toContainText(`Step ${count} of ${count}`, { timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('while a packet travels it is on the current edge, labelled, and a response looks different', async ({
    page,
  }) => {
    const syn = firstVisit.steps.findIndex((s) => s.title === 'SYN');
    await page.goto(`/#step=${syn}&speed=0.25`);
    await page.getByRole('button', { name: 'Next step' }).click();
    const packet = page.locator('.rt-packet--current');
    await expect(packet).toHaveText(/^→\s*SYN$/);
    await expect(packet).toHaveClass(/rt-packet--request/);
    const before = await packet.boundingBox();
    await page.waitForTimeout(300);
    const after = await packet.boundingBox();
    expect(after?.x).not.toBe(before?.x);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.locator('.rt-packet--current')).toHaveText(/^←\s*SYN-ACK$/);
    await expect(page.locator('.rt-packet--current')).toHaveClass(/rt-packet--response/);
  });

  test('the TLS flight shows several packets at once', async ({ page }) => {
    const finished = firstVisit.steps.findIndex((s) => s.title === 'Finished');
    await page.goto(`/#step=${finished}&speed=0.25`);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.locator('.rt-packet')).not.toHaveCount(0);
    expect(await page.locator('.rt-packet').count()).toBeGreaterThan(1);
  });

  test('seeking on the timeline: click and drag', async ({ page }) => {
    await page.goto('/');
    const slider = page.getByRole('slider', { name: 'Timeline' });
    const box = await slider.boundingBox();
    if (!box) throw new Error('no timeline box');
    const y = box.y + box.height / 2;
    // Teaching pace: every step has the same width.
    const at = (index: number) => box.x + ((index + 0.5) / count) * box.width;
    await page.mouse.click(at(22), y);
    await expectStep(page, firstVisit, 22);
    await expect(slider).toHaveAttribute(
      'aria-valuetext',
      new RegExp(`^Step 23 of ${count}: ${firstVisit.steps[22]?.title}`),
    );
    await page.mouse.move(at(3), y);
    await page.mouse.down();
    await page.mouse.move(at(10), y, { steps: 5 });
    await expectStep(page, firstVisit, 10);
    await page.mouse.move(at(30), y, { steps: 5 });
    await page.mouse.up();
    await expectStep(page, firstVisit, 30);
  });

  test('switching scenario and stack rebuilds the journey and keeps the step', async ({ page }) => {
    await page.goto('/#step=12');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('post-create');
    const postCreate = timelineOf('post-create');
    await expectStep(page, postCreate, 11);
    await expect(page.getByText(postCreate.teaches)).toBeVisible();

    const python = timelineOf('post-create', { lang: 'python', db: 'mysql' });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
    await page.getByRole('combobox', { name: 'Database' }).selectOption('mysql');
    await expectStep(page, python, 11);
    const sql = python.steps.findIndex(
      (s) => s.message.protocol === 'sql' && s.message.sql.statement.startsWith('INSERT'),
    );
    await page.getByRole('slider', { name: 'Timeline' }).focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < sql; i++) await page.keyboard.press('ArrowRight');
    await expectStep(page, python, sql);
    await expect(
      page.getByRole('region', { name: 'Step details' }).getByLabel('SQL statement'),
    ).toContainText('VALUES (?, ?, ?)');
    await expect(page.getByRole('region', { name: 'Request diagram' })).toContainText('MySQL');
  });

  test('a node shows what it knows when clicked, and Esc closes it', async ({ page }) => {
    await page.goto('/#step=11');
    await page.getByRole('button', { name: /^Recursive resolver / }).click();
    const panel = page.getByRole('region', { name: 'What Recursive resolver knows' });
    await expect(panel).toContainText('shop.example');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });

  test('the camera button brings its framing back after zooming', async ({ page }) => {
    await page.goto('/');
    const browserNode = page.locator('[data-node="browser"]');
    const fitted = await browserNode.boundingBox();
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect
      .poll(async () => (await browserNode.boundingBox())?.width)
      .toBeGreaterThan((fitted?.width ?? 0) * 1.3);
    await page.getByRole('button', { name: 'Follow the hop' }).click();
    await expect
      .poll(async () => Math.round((await browserNode.boundingBox())?.width ?? 0))
      .toBe(Math.round(fitted?.width ?? 0));
  });
});

test.describe('reduced motion', () => {
  test('with prefers-reduced-motion nothing travels: the step changes in place', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const syn = firstVisit.steps.findIndex((s) => s.title === 'SYN');
    await page.goto(`/#step=${syn}&speed=0.25`);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expectStep(page, firstVisit, syn);
    const packet = page.locator('.rt-packet--current');
    await expect(packet).toHaveText(/^→\s*SYN$/);
    const first = await packet.boundingBox();
    await page.waitForTimeout(400);
    expect(await packet.boundingBox()).toEqual(first);
    await page.getByRole('button', { name: 'Play' }).click();
    await expectStep(page, firstVisit, syn + 1);
  });

  test('motion=0 in the link turns animation off the same way', async ({ page }) => {
    await page.goto('/#motion=0');
    await expect(page.locator('.rt-player')).toHaveAttribute('data-motion', 'off');
    await page.keyboard.press('ArrowRight');
    await expectStep(page, firstVisit, 1);
  });
});
