import { describe, expect, it } from 'vitest';
import { buildTimeline, DEFAULT_STACK, scenarioById } from '../../core/index.ts';
import { boundsOf, cameraViewport, wholeViewport } from './cameraViewport.ts';
import type { BoxSize, CameraMode, CameraRequest } from './cameraViewport.ts';
import { DIAGRAM_METRICS, legibleZoom, MIN_NAME_PX, MIN_SMALL_PX } from './diagramMetrics.ts';
import { FIT_OPTIONS, FOLLOW_INSET, FOLLOW_MAX_OVER_LEGIBLE, followInset } from './fitOptions.ts';
import { layoutDiagram } from './layoutDiagram.ts';
import type { DiagramLayout } from './layoutDiagram.ts';

const scenario = scenarioById('first-visit');
if (!scenario) throw new Error('no first-visit scenario');
const timeline = buildTimeline(scenario, DEFAULT_STACK);
const layout = layoutDiagram(timeline.nodes, timeline.links, DIAGRAM_METRICS.regular);

/** Where a rectangle in flow units lands on screen, in the box's pixels. */
const onScreen = (
  view: { x: number; y: number; zoom: number },
  r: { x: number; y: number; width: number; height: number },
) => ({
  left: view.x + r.x * view.zoom,
  top: view.y + r.y * view.zoom,
  right: view.x + (r.x + r.width) * view.zoom,
  bottom: view.y + (r.y + r.height) * view.zoom,
});

/** React Flow's padding on each side for a numeric padding (its parsePadding): a share of the box. */
const pad = (size: number) => Math.floor((size - size / (1 + FIT_OPTIONS.padding)) / 2);

const wholeRect = (l: DiagramLayout) => ({ x: 0, y: 0, width: l.width, height: l.height });

describe('wholeViewport', () => {
  it.each<BoxSize>([
    { width: 1400, height: 500 },
    { width: 934, height: 277 },
    { width: 1900, height: 900 },
  ])(
    'fits the whole diagram inside a $width×$height box, centred, with the padding kept (to a pixel)',
    (box) => {
      const view = wholeViewport(layout, box);
      const r = onScreen(view, wholeRect(layout));
      expect(r.left).toBeGreaterThanOrEqual(pad(box.width) - 1);
      expect(r.top).toBeGreaterThanOrEqual(pad(box.height) - 1);
      expect(r.right).toBeLessThanOrEqual(box.width - pad(box.width) + 1);
      expect(r.bottom).toBeLessThanOrEqual(box.height - pad(box.height) + 1);
      expect(Math.abs((r.left + r.right) / 2 - box.width / 2)).toBeLessThanOrEqual(1);
      expect(Math.abs((r.top + r.bottom) / 2 - box.height / 2)).toBeLessThanOrEqual(1);
      // As large as it can be: one side touches its padding.
      const slack = Math.min(r.left - pad(box.width), r.top - pad(box.height));
      expect(slack).toBeLessThan(1);
    },
  );

  it('never zooms in past the fit maximum on a huge screen', () => {
    expect(wholeViewport(layout, { width: 20_000, height: 10_000 }).zoom).toBe(FIT_OPTIONS.maxZoom);
  });
});

/** The hop's nodes and their neighbours, as the camera is given them. */
function request(from: string, to: string, mode: CameraMode = 'follow', legible = 0.8): CameraRequest {
  const hop = [from, to];
  const context = timeline.links.flatMap((l) =>
    hop.includes(l.from) ? [l.to] : hop.includes(l.to) ? [l.from] : [],
  );
  return { mode, hop, context, legible };
}

const ids = timeline.nodes.map((n) => n.id);
const hops = timeline.links.map((l) => [l.from, l.to] as const);

describe('cameraViewport', () => {
  it('shows the whole diagram when it is legible, and always in "whole journey"', () => {
    const box = { width: 1400, height: 500 };
    const whole = wholeViewport(layout, box);
    expect(cameraViewport(layout, box, request('browser', 'stub', 'follow', whole.zoom))).toEqual({
      viewport: whole,
      showsAll: true,
    });
    expect(cameraViewport(layout, box, request('browser', 'stub', 'whole', 5)).viewport).toEqual(whole);
  });

  it.each([
    { width: 640, height: 380, legible: 0.6 },
    { width: 935, height: 520, legible: 0.8 },
    { width: 1400, height: 860, legible: 1.2 },
    { width: 390, height: 420, legible: 0.5 },
  ])(
    'following in a $width×$height box: every hop whole, at the legible zoom or more where it fits',
    (box) => {
      // A phone's narrow box keeps a narrower margin at the sides (8 px at 320, 10 at 390).
      const inset = followInset(box.width);
      for (const [from, to] of hops) {
        const shot = cameraViewport(layout, box, request(from, to, 'follow', box.legible));
        const hopFits =
          (boundsOf(layout, [from, to])?.width ?? 0) * box.legible <= box.width - inset.left - inset.right;
        if (hopFits) expect(shot.viewport.zoom).toBeGreaterThanOrEqual(box.legible - 1e-9);
        expect(shot.viewport.zoom).toBeLessThanOrEqual(box.legible * FOLLOW_MAX_OVER_LEGIBLE + 1e-9);
        for (const id of [from, to]) {
          const place = layout.byId.get(id);
          if (!place) throw new Error(`no ${id}`);
          const r = onScreen(shot.viewport, place);
          expect(r.left, `${from}→${to}: ${id}`).toBeGreaterThanOrEqual(inset.left - 0.5);
          expect(r.top).toBeGreaterThanOrEqual(inset.top - 0.5);
          expect(r.right).toBeLessThanOrEqual(box.width - inset.right + 0.5);
          expect(r.bottom).toBeLessThanOrEqual(box.height - inset.bottom + 0.5);
        }
        expect(shot.showsAll).toBe(false);
      }
    },
  );

  it('never shows empty space beside the diagram while part of it is cut on the other side', () => {
    const box = { width: 935, height: 520 };
    const shot = cameraViewport(layout, box, request('browser', 'stub'));
    const r = onScreen(shot.viewport, wholeRect(layout));
    expect(r.left).toBeGreaterThanOrEqual(FOLLOW_INSET.left - 0.5);
    expect(r.left).toBeLessThanOrEqual(FOLLOW_INSET.left + 0.5);
  });

  it('falls back to the whole diagram when the hop names no placed node', () => {
    const box = { width: 480, height: 200 };
    const whole = { viewport: wholeViewport(layout, box), showsAll: true };
    expect(
      cameraViewport(layout, box, { mode: 'follow', hop: ['nowhere'], context: [], legible: 1 }),
    ).toEqual(whole);
    expect(cameraViewport(layout, box, { mode: 'follow', hop: [], context: [], legible: 1 })).toEqual(whole);
  });

  it('knows every node of the scenario', () => {
    for (const id of ids) expect(layout.byId.has(id)).toBe(true);
  });
});

describe('legibleZoom', () => {
  it('puts names at 1/45 (projector 1/30) and other labels at 1/60 of the view height', () => {
    for (const metrics of [DIAGRAM_METRICS.regular, DIAGRAM_METRICS.projector]) {
      for (const height of [540, 720, 1080]) {
        const zoom = legibleZoom(metrics, height);
        expect(metrics.nameFont * zoom).toBeGreaterThanOrEqual(height / metrics.nameShare - 1e-9);
        expect(metrics.smallFont * zoom).toBeGreaterThanOrEqual(height / 60 - 1e-9);
      }
    }
    expect(legibleZoom(DIAGRAM_METRICS.regular, 720) * 20).toBeCloseTo(16);
  });

  it('keeps names at 12 px and other labels at 9 px in a small view (a 480×270 embed)', () => {
    for (const metrics of Object.values(DIAGRAM_METRICS)) {
      const zoom = legibleZoom(metrics, 270);
      expect(metrics.nameFont * zoom).toBeGreaterThanOrEqual(MIN_NAME_PX - 1e-9);
      expect(metrics.smallFont * zoom).toBeGreaterThanOrEqual(MIN_SMALL_PX - 1e-9);
    }
    // From 540 px up the shares of the height are the floors, as before: 12 px names at 540.
    expect(legibleZoom(DIAGRAM_METRICS.regular, 540) * 20).toBeCloseTo(12);
  });
});

describe('the step label and what covers the box', () => {
  it('keeps a working machine with its label below it above the buttons and the map', () => {
    const box: BoxSize = { width: 600, height: 489, covered: 90 };
    const below = 70;
    const db = timeline.nodes.find((n) => n.kind === 'database')?.id ?? '';
    const shot = cameraViewport(layout, box, { mode: 'follow', hop: [db], context: [], below, legible: 0.9 });
    const place = layout.byId.get(db);
    if (!place) throw new Error('no database placed');
    const seen = onScreen(shot.viewport, { ...place, height: place.height + below });
    expect(followInset(box.width, box.covered).bottom).toBe(96);
    expect(seen.bottom).toBeLessThanOrEqual(box.height - 96 + 0.5);
    expect(seen.top).toBeGreaterThanOrEqual(0);
    expect(seen.right).toBeLessThanOrEqual(box.width + 0.5);
  });

  it('fits the whole journey with room for a label below its bottom row', () => {
    const box = { width: 1400, height: 500 };
    const view = wholeViewport(layout, box, 60);
    const seen = onScreen(view, { x: 0, y: 0, width: layout.width, height: layout.height + 60 });
    expect(seen.bottom).toBeLessThanOrEqual(box.height + 0.5);
    expect(view.zoom).toBeLessThan(wholeViewport(layout, box).zoom);
  });
});
