import { expect, test, timelineOf } from './fixtures.ts';

/**
 * A working machine's step label is whole on its card at the projectors' sizes, in light and
 * projector (b5e299b, which had no test): it wraps between words and after a URL's dots and slashes.
 * At 1920×1080 first-visit's step 1 showed "GET https://shop.example/api/pr", the URL one word cut
 * at the card's edge. Every step of first-visit that happens inside one machine is checked.
 */
const timeline = timelineOf('first-visit');
const working = timeline.steps.filter((s) => s.from === s.to);

for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
  [1280, 720],
  [960, 540],
] as const)
  for (const theme of ['light', 'projector'])
    test(`${width}×${height} ${theme}: a working machine's step label is whole, wrapped only where it may break`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      expect(working.length).toBeGreaterThan(3);
      for (const step of working) {
        await page.goto(`/#scenario=first-visit&step=${step.index + 1}&theme=${theme}&motion=0`);
        const label = page.locator('.rt-node-work');
        await expect(label).toHaveCount(1);
        await page.evaluate(() => document.fonts.ready);
        const drawn = await label.evaluate((element) => {
          // Each line's text, read from where the characters fall (a line ends where the next starts lower).
          const range = document.createRange();
          const lines: string[] = [];
          let top = -Infinity;
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode())
            for (let i = 0; i < (node.textContent ?? '').length; i++) {
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const box = range.getBoundingClientRect();
              if (box.width === 0 && box.height === 0) continue;
              if (box.top > top + box.height / 2) {
                lines.push('');
                top = box.top;
              }
              lines.push(`${lines.pop() ?? ''}${node.textContent?.[i] ?? ''}`);
            }
          const e = element as HTMLElement;
          return {
            lines: lines.map((l) => l.trim()),
            cutX: e.scrollWidth > e.clientWidth + 1,
            cutY: e.scrollHeight > e.clientHeight + 1,
          };
        });
        const where = `step ${step.index + 1} "${step.message.summary}": ${JSON.stringify(drawn.lines)}`;
        expect(drawn.cutX, `${where} cut at the side`).toBe(false);
        expect(drawn.cutY, `${where} cut below`).toBe(false);
        expect(drawn.lines.join(' ').replace(/\s+/g, ''), where).toBe(
          `⚙${step.message.summary}`.replace(/\s+/g, ''),
        );
        // Each line ends at a space of the summary or after an underscore, dot or slash, never inside a word.
        const flat = `⚙ ${step.message.summary}`;
        let passed = 0;
        for (const line of drawn.lines.slice(0, -1)) {
          passed += line.replace(/\s+/g, '').length;
          expect(breaksAt(flat, passed), `${where}: broken inside a word after "${line}"`).toBe(true);
        }
      }
    });

/** Whether `text` may break after its first `count` non-space characters: at a space, or after _ . / */
function breaksAt(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (seen === count) return /\s/.test(text[i]!) || /[_./]/.test(text[i - 1] ?? '');
    if (!/\s/.test(text[i]!)) seen += 1;
  }
  return true;
}
