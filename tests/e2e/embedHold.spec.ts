import { expect, test, timelineOf } from './fixtures.ts';

/**
 * "Paused at this hop" in the 480×270 embed (seen in issue 11's screenshots): one line at the
 * diagram's foot that leaves the hop's machines' names and its packet readable. It was three lines
 * of 16 px, 240 × 85 px over the reverse proxy's card and the request's packet.
 */
const timeline = timelineOf('first-visit');
const request = timeline.steps.findIndex((s) => s.id === 'http-request');

for (const theme of ['light', 'projector'])
  test(`480×270 embed ${theme}: the hold's note is one line clear of the hop's names and packet`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 480, height: 270 });
    await page.goto(`/#scenario=first-visit&step=${request}&embed=1&theme=${theme}&speed=4`);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Space');
    const hold = page.locator('.rt-hop-hold');
    await expect(hold).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('status')).toContainText(`Step ${request + 1} of`);
    const box = (await hold.boundingBox())!;
    const line = await hold.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || 20);
    expect(box.height, 'one line').toBeLessThan(2 * line);
    const step = timeline.steps[request]!;
    const names = timeline.nodes.filter((n) => n.id === step.from || n.id === step.to).map((n) => n.name);
    const covered = [];
    for (const name of names) {
      const text = page.locator('.rt-node-name', { hasText: name });
      const r = (await text.boundingBox())!;
      if (
        r.y + r.height > box.y &&
        r.y < box.y + box.height &&
        r.x + r.width > box.x &&
        r.x < box.x + box.width
      )
        covered.push(name);
    }
    const packet = (await page.locator('.rt-packet--current').boundingBox())!;
    if (packet.y + packet.height > box.y && packet.x + packet.width > box.x && packet.x < box.x + box.width)
      covered.push('the packet');
    expect(covered).toEqual([]);
  });
