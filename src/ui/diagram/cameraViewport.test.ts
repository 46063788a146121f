import { describe, expect, it } from 'vitest';
import { buildTimeline, DEFAULT_STACK, scenarioById } from '../../core/index.ts';
import { cameraViewport, wholeViewport } from './cameraViewport.ts';
import type { BoxSize } from './cameraViewport.ts';
import { DIAGRAM_METRICS } from './diagramMetrics.ts';
import { FIT_OPTIONS, FOLLOW_BELOW_ZOOM } from './fitOptions.ts';
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

describe('cameraViewport', () => {
  const hop = ['browser', timeline.nodes.find((n) => n.kind === 'stub-resolver')?.id ?? ''];

  it('shows the whole diagram when it is readable', () => {
    const box = { width: 1400, height: 500 };
    expect(wholeViewport(layout, box).zoom).toBeGreaterThanOrEqual(FOLLOW_BELOW_ZOOM);
    expect(cameraViewport(layout, box, hop)).toEqual(wholeViewport(layout, box));
  });

  it('follows the current hop in a 480×270 embed: both its nodes on screen, centred, larger', () => {
    const box = { width: 480, height: 200 };
    const whole = wholeViewport(layout, box);
    expect(whole.zoom).toBeLessThan(FOLLOW_BELOW_ZOOM);
    const view = cameraViewport(layout, box, hop);
    expect(view.zoom).toBeGreaterThan(whole.zoom);
    for (const id of hop) {
      const place = layout.byId.get(id);
      if (!place) throw new Error(`no ${id}`);
      const r = onScreen(view, place);
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.top).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(box.width);
      expect(r.bottom).toBeLessThanOrEqual(box.height);
    }
  });

  it('falls back to the whole diagram when the hop names no placed node', () => {
    const box = { width: 480, height: 200 };
    expect(cameraViewport(layout, box, ['nowhere'])).toEqual(wholeViewport(layout, box));
    expect(cameraViewport(layout, box, [])).toEqual(wholeViewport(layout, box));
  });
});
