import { expect, test, timelineOf } from './fixtures.ts';
import { brokenInside, textLines } from './textLines.ts';

/**
 * The details column wraps a URL or an address after its dots and slashes, not inside a number: at
 * 1280×720 (light) first-visit's step 1 read "GET https://shop.example/api/products/4␣2." and
 * "GET https://shop.example/api/product␣s/42", and step 20's "from" field "192.0.2.15:6333␣1".
 */
const timeline = timelineOf('first-visit');

for (const [width, height, theme] of [
  [1280, 720, 'light'],
  [1366, 768, 'projector'],
  [1024, 768, 'dark'],
] as const)
  test(`${width}×${height} ${theme}: the narration, the message and its fields wrap only between words or after . / _`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    for (const index of [0, 19, 28]) {
      const step = timeline.steps[index]!;
      await page.goto(`/#scenario=first-visit&step=${index + 1}&theme=${theme}&motion=0`);
      const details = page.getByRole('region', { name: 'Step details' });
      await expect(details.getByRole('heading', { name: step.title })).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      const texts = [
        [details.locator('.rt-narration'), step.narration],
        [details.locator('.rt-summary'), step.message.summary],
      ] as const;
      for (const [element, text] of texts) {
        const lines = await textLines(element);
        expect(brokenInside(text, lines), `step ${index + 1}: ${JSON.stringify(lines)}`).toEqual([]);
      }
      // Addresses and ports in the message's fields (a TCP segment's from / to).
      for (const cell of await details.locator('.rt-fields td').all()) {
        const text = (await cell.textContent()) ?? '';
        if (!/^[\d.:]+$/.test(text)) continue;
        const lines = await textLines(cell);
        expect(brokenInside(text, lines), `step ${index + 1}: ${JSON.stringify(lines)}`).toEqual([]);
      }
    }
  });

/**
 * The short dotted words of a text (names, addresses): "shop.example,", "192.0.2.1)"; an address's
 * port counts apart ("192.0.2.15:56209" may go to a second line before ":56209", never inside either).
 */
const shortNames = (text: string) =>
  text
    .split(/\s+/)
    .filter((word) => /\w[_./:-]\w/.test(word) && word.length <= 22)
    .flatMap((word) => word.split(/(?=:\d+\W*$)/));

/**
 * A name or an address short enough for a line is never split across two: at 1024×768 step 6's
 * narration read "for shop.␣example," and its fields' values wrapped after a dot of their IPs.
 */
for (const [width, height, theme] of [
  [1024, 768, 'light'],
  [1280, 720, 'projector'],
  [390, 844, 'light'],
] as const)
  test(`${width}×${height} ${theme}: a short name or address stays on one line`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const split: string[] = [];
    for (const index of [0, 5, 19, 28]) {
      const step = timeline.steps[index]!;
      await page.goto(`/#scenario=first-visit&step=${index + 1}&theme=${theme}&motion=0`);
      const details = page.getByRole('region', { name: 'Step details' });
      await expect(details.getByRole('heading', { name: step.title })).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      const cells = await details.locator('.rt-fields td, .rt-fields th').all();
      for (const element of [details.locator('.rt-narration'), details.locator('.rt-summary'), ...cells]) {
        const text = (await element.textContent()) ?? '';
        const lines = await textLines(element);
        for (const name of shortNames(text))
          if (!lines.some((line) => line.includes(name)))
            split.push(`step ${index + 1}: "${name}" in ${JSON.stringify(lines)}`);
      }
    }
    expect(split).toEqual([]);
  });

/**
 * A field table never makes the details column scroll sideways: at 1024×768 kubernetes' SYN-ACK had
 * "acknowledgement" (a long name, no hyphenation) beside "192.0.2.15:56209" set whole, 10 px too wide.
 */
for (const [width, height] of [
  [1024, 768],
  [390, 844],
  [320, 640],
] as const)
  test(`${width}×${height}: a TCP segment's fields fit the details column`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const k8s = timelineOf('kubernetes');
    const index = k8s.steps.findIndex((s) => s.title === 'SYN-ACK');
    await page.goto(`/#scenario=kubernetes&step=${index + 1}&motion=0`);
    const details = page.getByRole('region', { name: 'Step details' });
    await expect(details.getByRole('heading', { name: 'SYN-ACK' })).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    const sizes = await page
      .locator('.rt-details')
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
  });
