import { expect, test, timelineOf } from './fixtures.ts';
import { DEFAULT_STACK, SCENARIOS } from '../../src/core/index.ts';

/**
 * A working machine's step label (⚙ …) on a projector: wholly inside the diagram's visible box and
 * never under the journey's map or the camera's buttons. "Parallel scan of 2,000,000 rows" ran past
 * the diagram's right edge and under the map at 1280×720 projector. Every scenario, at each working
 * machine's longest label (and slow-query's scan on each database).
 */
const STEPS = [
  ...SCENARIOS.map((s) => ({ id: s.id, db: DEFAULT_STACK.db })),
  { id: 'slow-query', db: 'mysql' as const },
  { id: 'slow-query', db: 'mongodb' as const },
].flatMap(({ id, db }) => {
  const steps = timelineOf(id, { ...DEFAULT_STACK, db }).steps.map((step, i) => ({ step, i }));
  const longest = new Map<string, { i: number; length: number }>();
  for (const { step, i } of steps) {
    if (step.from !== step.to) continue;
    const was = longest.get(step.from);
    if (!was || step.message.summary.length > was.length)
      longest.set(step.from, { i, length: step.message.summary.length });
  }
  const dbHash = db === DEFAULT_STACK.db ? '' : `&db=${db}`;
  return [...longest.values()].map(({ i }) => `scenario=${id}${dbHash}&step=${i + 1}`);
});

for (const view of [
  { width: 1280, height: 720 },
  { width: 960, height: 540 },
])
  test(`projector ${view.width}×${view.height}: a step label stays inside the diagram, clear of the map and buttons`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(view);
    const wrong: string[] = [];
    for (const hash of STEPS) {
      await page.goto(`/#${hash}&motion=0&theme=projector`);
      await expect(page.getByRole('status')).toContainText('Step ');
      const diagram = page.getByRole('region', { name: 'Request diagram' });
      const work = diagram.locator('.rt-node-work');
      await expect(work).toBeVisible();
      await page.waitForTimeout(100);
      const faults = await work.evaluate((label) => {
        const w = label.getBoundingClientRect();
        const box = label.closest('.react-flow')?.getBoundingClientRect();
        const over = (r: DOMRect) =>
          Math.min(w.right, r.right) - Math.max(w.left, r.left) > 0.5 &&
          Math.min(w.bottom, r.bottom) - Math.max(w.top, r.top) > 0.5;
        const out: string[] = [];
        if (
          box &&
          (w.left < box.left - 0.5 ||
            w.right > box.right + 0.5 ||
            w.top < box.top - 0.5 ||
            w.bottom > box.bottom + 0.5)
        )
          out.push(
            `outside the diagram (label ${Math.round(w.left)}..${Math.round(w.right)}×${Math.round(w.top)}..${Math.round(w.bottom)}, diagram ${Math.round(box.left)}..${Math.round(box.right)}×${Math.round(box.top)}..${Math.round(box.bottom)})`,
          );
        for (const el of document.querySelectorAll('.rt-journey-map, .rt-diagram-controls'))
          if (over(el.getBoundingClientRect())) out.push(`under ${el.className}`);
        return out;
      });
      if (faults.length) wrong.push(`${hash}: ${faults.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
