import { expect, shownStep, test } from './fixtures.ts';

/**
 * The camera's rule (issue 11 item 3): the current hop's from- and to-machine are whole and legible,
 * so nothing of them (card, SENDS/RECEIVES tag, a working machine's step label) lies under the
 * journey's map or the camera's buttons, nor outside the diagram. Neighbours may be partly covered.
 * Seen at 1280×720 projector: first-visit step 10 had the map over PostgreSQL and the API server, a
 * pod under the buttons in kubernetes, the buttons over login-session's step label.
 */
const SCENARIOS = ['first-visit', 'kubernetes', 'login-session'];

const VIEWS = [
  { name: 'projector', width: 1280, height: 720, hash: '&theme=projector' },
  { name: 'projector', width: 960, height: 540, hash: '&theme=projector' },
  { name: 'light', width: 1280, height: 720, hash: '' },
  // The smallest embed (docs/embedding.md), in every theme: the map covered the API server and PostgreSQL.
  ...['light', 'dark', 'projector'].map((theme) => ({
    name: `embed ${theme}`,
    width: 480,
    height: 270,
    hash: `&embed=1&theme=${theme}`,
  })),
];

for (const view of VIEWS)
  for (const scenario of SCENARIOS)
    test(`${view.name} ${view.width}×${view.height}, ${scenario}: the current hop is never under the map or the camera's buttons`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: view.width, height: view.height });
      await page.goto(`/#scenario=${scenario}&step=1&motion=0${view.hash}`);
      // Every step the app shows (its own count: an older build's journey has fewer steps).
      const { count } = await shownStep(page);
      if (!view.hash.includes('embed'))
        await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(scenario);
      const wrong: string[] = [];
      for (let step = 1; step <= count; step++) {
        if (step > 1) await page.getByRole('button', { name: 'Next step' }).click();
        await expect(page.getByRole('status')).toContainText(`Step ${step} of ${count}`);
        await page.waitForTimeout(60);
        const small = view.width <= 480;
        const faults = await page.evaluate((small) => {
          const region = document.querySelector('.react-flow')?.getBoundingClientRect();
          const covers = [...document.querySelectorAll('.rt-journey-map, .rt-diagram-controls')].map(
            (el) => ({
              what: el.classList.contains('rt-journey-map') ? 'map' : 'buttons',
              box: el.getBoundingClientRect(),
            }),
          );
          const over = (a: DOMRect, b: DOMRect) =>
            Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
            Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          // In a frame this small no machine's name may be under the map (it hid PostgreSQL's and the pods').
          const names = small
            ? [...document.querySelectorAll('.rt-node-name')].map((el) => ({
                what: `${el.textContent ?? ''} name`,
                box: el.getBoundingClientRect(),
              }))
            : [];
          const parts = [
            ...document.querySelectorAll('.rt-node--from, .rt-node--to, .rt-node--local'),
          ].flatMap((card) => {
            const name = card.querySelector('.rt-node-name')?.textContent ?? '';
            return [card, ...card.querySelectorAll('.rt-node-tag, .rt-node-work')].map((el) => ({
              what: el === card ? `${name} card` : `${name} ${el.className}`,
              box: el.getBoundingClientRect(),
            }));
          });
          const map = covers.filter((c) => c.what === 'map');
          return [
            ...names.flatMap(({ what, box }) =>
              map.filter((c) => over(box, c.box)).map(() => `${what} under the map`),
            ),
            ...parts.flatMap(({ what, box }) => [
              ...covers.filter((c) => over(box, c.box)).map((c) => `${what} under the ${c.what}`),
              ...(region &&
              (box.left < region.left - 0.5 ||
                box.right > region.right + 0.5 ||
                box.top < region.top - 0.5 ||
                box.bottom > region.bottom + 0.5)
                ? [`${what} outside the diagram`]
                : []),
            ]),
          ];
        }, small);
        if (faults.length) wrong.push(`step ${step}: ${faults.join(', ')}`);
      }
      expect(wrong).toEqual([]);
    });
