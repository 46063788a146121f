import type { Frame, Page } from '@playwright/test';
import { expect, timelineOf } from './fixtures.ts';

/**
 * How the legibility floor is measured (issue 11 item 2, PRODUCT.md §6): the text's CSS size times
 * every scaling between it and the screen (React Flow's zoom, a packet's scale, a frame shown smaller
 * or larger by a slide deck), against the on-screen height of the view the diagram is in.
 */

const firstVisit = timelineOf('first-visit');
/** A hop with a packet on the wire and both badges showing. */
export const HOP_STEP = firstVisit.steps.findIndex((s) => s.title === 'GET /api/products/42') + 1;

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

/** Checks every measured text against the floor for a view `viewHeight` pixels tall on screen. */
export function expectFloor(found: readonly Measured[], viewHeight: number, projector: boolean) {
  const kinds = new Set(found.map((m) => m.kind));
  for (const kind of ['name', 'role', 'packet', 'badge'])
    expect(kinds, `some ${kind} on screen`).toContain(kind);
  for (const m of found) {
    const floor = m.kind === 'name' ? viewHeight / (projector ? 30 : 45) : viewHeight / 60;
    expect(
      m.px,
      `${m.kind} "${m.text}" (${m.px.toFixed(1)} px on a ${viewHeight} px view)`,
    ).toBeGreaterThanOrEqual(floor - 0.1);
  }
}
