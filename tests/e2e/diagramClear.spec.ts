import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { HOP_STEP } from './legibilityFloor.ts';

/**
 * What a projected diagram must never do (seen in the 480×270 embed and on a 390×844 phone): break a
 * machine's name inside a word ("PostgreSQ L"), let a packet cover the card (and name) of the machine
 * it leaves or reaches, or let the camera's buttons run under the journey's map.
 */

const VIEWS = [
  { name: 'main view, light', width: 1280, height: 720, hash: '', mobile: false },
  { name: 'main view, projector', width: 1280, height: 720, hash: '&theme=projector', mobile: false },
  { name: 'main view, projector', width: 960, height: 540, hash: '&theme=projector', mobile: false },
  { name: 'embed view', width: 480, height: 270, hash: '&embed=1', mobile: false },
  { name: 'embed view', width: 960, height: 540, hash: '&embed=1', mobile: false },
  { name: 'phone', width: 390, height: 844, hash: '', mobile: true },
  { name: 'phone', width: 320, height: 640, hash: '', mobile: true },
] as const;

type Rect = { left: number; top: number; right: number; bottom: number };

/** Every word of every machine's name, with the number of lines it is drawn on. */
const nameWords = (page: Page) =>
  page.locator('.rt-node-name').evaluateAll((names) =>
    names.flatMap((name) => {
      const card = name.closest('.rt-node')?.getBoundingClientRect();
      const words: { word: string; lines: number; inside: boolean }[] = [];
      const walker = document.createTreeWalker(name, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const content = text.textContent ?? '';
        for (const match of content.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const tops = new Set(rects.map((r) => Math.round(r.top)));
          const box = range.getBoundingClientRect();
          words.push({
            word: match[0],
            lines: tops.size,
            inside: !!card && box.left >= card.left - 0.5 && box.right <= card.right + 0.5,
          });
        }
      }
      return words;
    }),
  );

const open = async (page: Page, view: (typeof VIEWS)[number], hash: string) => {
  await page.setViewportSize({ width: view.width, height: view.height });
  await page.goto(`/#${hash}${view.hash}`);
  await expect(page.getByRole('status')).toContainText('Step ');
  await page.waitForTimeout(300);
};

for (const view of VIEWS) {
  test.describe(`${view.name} ${view.width}×${view.height}`, () => {
    test.use({ isMobile: view.mobile, hasTouch: view.mobile });

    test('a machine’s name never breaks inside a word, nor runs out of its card', async ({ page }) => {
      for (const hash of [`step=${HOP_STEP}&motion=0`, `scenario=load-balanced&step=1&motion=0&db=mongodb`]) {
        await open(page, view, hash);
        const words = await nameWords(page);
        expect(words.length).toBeGreaterThan(8);
        for (const { word, lines, inside } of words) {
          expect(lines, `"${word}" on one line`).toBe(1);
          expect(inside, `"${word}" inside its card`).toBe(true);
        }
      }
    });

    test('a travelling packet never covers the card of the machine it leaves or reaches', async ({
      page,
    }) => {
      await open(page, view, `step=${HOP_STEP - 1}`);
      // Sample every frame while the request travels from the browser to the proxy.
      await page.evaluate(() => {
        (window as unknown as { hidden: Promise<string[]> }).hidden = new Promise<string[]>((done) => {
          const seen: string[] = [];
          // The packet with its ring (3 flow units, a box-shadow outside its box, times the zoom)
          // against the whole card.
          const overlaps = (a: Rect, b: Rect, ring: number) =>
            Math.min(a.right + ring, b.right) - Math.max(a.left - ring, b.left) > 0 &&
            Math.min(a.bottom + ring, b.bottom) - Math.max(a.top - ring, b.top) > 0;
          const started = performance.now();
          const sample = () => {
            const packets = [...document.querySelectorAll<HTMLElement>('.rt-packet')].map((p) => ({
              box: p.getBoundingClientRect(),
              ring: (3 * p.getBoundingClientRect().width) / p.offsetWidth,
            }));
            const cards = [...document.querySelectorAll('.rt-node--from, .rt-node--to')];
            for (const packet of packets)
              for (const card of cards)
                if (overlaps(packet.box, card.getBoundingClientRect(), packet.ring)) {
                  const where = [packet.box, card.getBoundingClientRect()]
                    .map((r) => [r.left, r.top, r.right, r.bottom].map(Math.round).join(','))
                    .join(' over ');
                  const name = card.querySelector('.rt-node-name')?.textContent ?? '';
                  seen.push(`${name} (${where}) at ${Math.round(performance.now() - started)} ms`);
                }
            if (performance.now() - started < 2500) requestAnimationFrame(sample);
            else done(seen);
          };
          requestAnimationFrame(sample);
        });
      });
      await page.getByRole('button', { name: 'Next step' }).click();
      const hidden = await page.evaluate(() => (window as unknown as { hidden: Promise<string[]> }).hidden);
      await expect(page.getByRole('status')).toContainText(`Step ${HOP_STEP} of`);
      expect(hidden, 'a packet over a machine’s card').toEqual([]);
    });

    if (view.name !== 'embed view')
      test('the camera’s buttons stay clear of the journey’s map', async ({ page }) => {
        await open(page, view, `step=${HOP_STEP}&motion=0`);
        const map = page.locator('.react-flow__minimap');
        // A 390 px phone has room for the map beside the buttons; a 320 px one has not (it shows none).
        if (view.mobile && view.width >= 390)
          await expect(map, 'a phone shows the map of the journey').toBeVisible();
        if ((await map.count()) === 0) return;
        const box = await map.boundingBox();
        if (!box) throw new Error('no map');
        const region = page.getByRole('region', { name: 'Request diagram' });
        for (const button of await region.getByRole('button').all()) {
          if (await button.evaluate((el) => !!el.closest('.react-flow__node'))) continue;
          const b = await button.boundingBox();
          if (!b) continue;
          const clear =
            b.x + b.width <= box.x + 0.5 ||
            box.x + box.width <= b.x + 0.5 ||
            b.y + b.height <= box.y + 0.5 ||
            box.y + box.height <= b.y + 0.5;
          expect(clear, `${await button.textContent()} clear of the map`).toBe(true);
        }
      });
  });
}

/** Steps where a machine works with a long label (⚙ …) below a card whose text fills it. */
const WORK_STEPS = [
  'scenario=load-balanced&step=29',
  'scenario=kubernetes&step=35',
  'scenario=kubernetes&step=45',
  'step=1',
  'step=30',
  'step=35',
];

for (const view of [
  { name: 'projector', width: 1280, height: 720, hash: '&theme=projector', mobile: false },
  { name: 'projector', width: 960, height: 540, hash: '&theme=projector', mobile: false },
  { name: 'light', width: 1280, height: 720, hash: '&theme=light', mobile: false },
  { name: 'phone', width: 390, height: 844, hash: '', mobile: true },
])
  test.describe(`${view.name} ${view.width}×${view.height}`, () => {
    test.use({ isMobile: view.mobile, hasTouch: view.mobile });
    test('a working machine’s step label covers no text of its card, nor another card', async ({ page }) => {
      await page.setViewportSize({ width: view.width, height: view.height });
      for (const hash of WORK_STEPS) {
        await page.goto(`/#${hash}&motion=0${view.hash}`);
        await expect(page.getByRole('status')).toContainText('Step ');
        await page.waitForTimeout(150);
        const covered = await page
          .getByRole('region', { name: 'Request diagram' })
          .locator('.rt-node-work')
          .evaluate((work) => {
            const w = work.getBoundingClientRect();
            const over = (r: DOMRect) =>
              Math.min(w.right, r.right) - Math.max(w.left, r.left) > 0.5 &&
              Math.min(w.bottom, r.bottom) - Math.max(w.top, r.top) > 0.5;
            const card = work.closest('.rt-node');
            const texts = [...(card?.querySelectorAll('.rt-node-name, .rt-node-role') ?? [])].flatMap(
              (el) => {
                const range = document.createRange();
                range.selectNodeContents(el);
                return [...range.getClientRects()].filter(over).map(() => el.textContent ?? '');
              },
            );
            const cards = [...document.querySelectorAll('.rt-node')]
              .filter((other) => other !== card && over(other.getBoundingClientRect()))
              .map((other) => `card ${other.querySelector('.rt-node-name')?.textContent ?? ''}`);
            return [...texts, ...cards];
          });
        expect(covered, `${hash}: the step label over`).toEqual([]);
      }
    });
  });
