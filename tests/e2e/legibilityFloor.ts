import type { Frame, Page } from '@playwright/test';
import { expect, openStepTitled, timelineOf } from './fixtures.ts';

/**
 * How the legibility floor is measured (issue 11 item 2, PRODUCT.md §6): the text's CSS size times
 * every scaling between it and the screen (React Flow's zoom, a packet's scale, a frame shown smaller
 * or larger by a slide deck), against the on-screen height of the view the diagram is in.
 */

const firstVisit = timelineOf('first-visit');
const stepTitled = (title: string) => ({
  title,
  guess: firstVisit.steps.findIndex((s) => s.title === title) + 1,
});
/** A hop with a packet on the wire and both badges showing. */
export const HOP = stepTitled('GET /api/products/42');
export const HOP_STEP = HOP.guess;
/**
 * The hops the floor is measured at, one page load each view: the DNS walk at the top lane's far end,
 * the browser's request, the database's query (the camera frames each differently).
 */
export const FLOOR_STEPS = [
  stepTitled('Root: ask the .example servers'),
  HOP,
  stepTitled('SELECT product 42'),
];

/** The views the floor holds for: the main view and the embed view (issue 11 item 2). */
export const VIEWS = [
  { name: 'main view', hash: 'embed=0' },
  { name: 'embed view', hash: 'embed=1' },
] as const;

export interface Measured {
  readonly kind: string;
  readonly text: string;
  readonly px: number;
}

/**
 * On-screen font size of the diagram's texts inside `frame` that are on screen, in that frame's CSS
 * pixels times `frameScale`. The scale of each element is its drawn width over its laid-out width.
 */
export const measure = (frame: Frame | Page, frameScale: number): Promise<Measured[]> =>
  frame.evaluate((scale) => {
    const kinds = {
      name: '.rt-node-name',
      role: '.rt-node-role',
      packet: '.rt-packet-label',
      badge: '.rt-node-tag',
    };
    const region = document.querySelector('.rt-diagram')?.getBoundingClientRect();
    if (!region) return [];
    return Object.entries(kinds).flatMap(([kind, selector]) =>
      [...document.querySelectorAll<HTMLElement>(selector)].flatMap((el) => {
        const box = el.getBoundingClientRect();
        const visible =
          box.width > 0 &&
          box.right > region.left &&
          box.left < region.right &&
          box.bottom > region.top &&
          box.top < region.bottom;
        // The scale from a whole-pixel box (a node is laid out at whole pixels) so rounding stays small.
        const reference = el.closest<HTMLElement>('.rt-node, .rt-packet') ?? el;
        if (!visible || reference.offsetWidth === 0) return [];
        const drawn = reference.getBoundingClientRect().width / reference.offsetWidth;
        const px = parseFloat(getComputedStyle(el).fontSize) * drawn * scale;
        return [{ kind, text: el.textContent ?? '', px }];
      }),
    );
  }, frameScale);

/**
 * Measures the floor's texts at each of FLOOR_STEPS of first-visit, opened by `hash` in `target` (the
 * page, or a deck's player frame shown at `frameScale`); each text is labelled with its step.
 */
export async function measureSteps(
  target: Frame | Page,
  hash: string,
  frameScale: number,
): Promise<Measured[]> {
  const found: Measured[] = [];
  for (const { title, guess } of FLOOR_STEPS) {
    await openStepTitled(target, hash, title, guess);
    // The camera's move to the hop (motion=0 makes it a jump) and the fonts settle.
    await target.waitForTimeout(300);
    found.push(...(await measure(target, frameScale)).map((m) => ({ ...m, text: `${title}: ${m.text}` })));
  }
  return found;
}

/**
 * Checks every measured text against the floor for a view `viewHeight` pixels tall on screen (and the
 * least sizes in pixels, diagramMetrics.ts's MIN_NAME_PX and MIN_SMALL_PX); the failure lists every
 * text below it.
 */
export function expectFloor(found: readonly Measured[], viewHeight: number, projector: boolean) {
  const kinds = new Set(found.map((m) => m.kind));
  for (const kind of ['name', 'role', 'packet', 'badge'])
    expect(kinds, `some ${kind} on screen`).toContain(kind);
  const below = found.flatMap((m) => {
    // However small the view, names at least 12 px and the rest 9 px (a 480×270 embed read at arm's length).
    const floor =
      m.kind === 'name' ? Math.max(viewHeight / (projector ? 30 : 45), 12) : Math.max(viewHeight / 60, 9);
    return m.px >= floor - 0.1 ? [] : [`${m.kind} "${m.text}" ${m.px.toFixed(1)} px < ${floor.toFixed(1)}`];
  });
  expect(below, `texts below the floor on a ${viewHeight} px view`).toEqual([]);
}
