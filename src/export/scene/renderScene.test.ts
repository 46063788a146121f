import { describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../core/index.ts';
import type { Timeline } from '../../core/index.ts';
import { DIAGRAM_METRICS } from '../../ui/diagram/diagramMetrics.ts';
import { edgeGeometry } from '../../ui/diagram/edgeGeometry.ts';
import { layoutFor } from '../../ui/diagram/layoutFor.ts';
import { nodeSceneFonts } from '../node/nodeSceneFonts.ts';
import { renderScene } from './renderScene.ts';
import type { SceneInput } from './SceneInput.ts';

const timeline: Timeline = buildTimeline(scenarioById('first-visit')!, { lang: 'python', db: 'mysql' });
const scene = (over: Partial<SceneInput> = {}) =>
  renderScene({
    timeline,
    step: 0,
    progress: 1,
    theme: 'light',
    width: 1920,
    height: 1080,
    captions: true,
    fonts: nodeSceneFonts(),
    ...over,
  });
const texts = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replaceAll('&amp;', '&')).join(' ');

describe('renderScene', () => {
  it('names every node of the topology, and each step names its own title', () => {
    for (const step of [0, 5, 20]) {
      const svg = scene({ step });
      for (const node of timeline.nodes) expect(texts(svg)).toContain(node.name);
      expect(texts(svg)).toContain(`Step ${step + 1} of ${timeline.steps.length}: `);
    }
  });

  it('puts the packet on the link its step travels, at the point the diagram puts it', () => {
    const index = timeline.steps.findIndex((s) => s.id === 'tcp-syn');
    const step = timeline.steps[index]!;
    const layout = layoutFor(timeline, DIAGRAM_METRICS.regular);
    const geometry = edgeGeometry(layout.byId.get(step.from)!, layout.byId.get(step.to)!);
    const svg = scene({ step: index, progress: 0.5 });
    const packet = /<g data-step="tcp-syn">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(packet).toContain('SYN');
    // A request pill centred on its point at half way: its middle x is the curve's middle x.
    const rect = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(packet)!;
    const middle = Number(rect[1]) + Number(rect[3]) / 2;
    expect(Math.abs(middle - (geometry.p0.x + geometry.p3.x) / 2)).toBeLessThan(2);
    // The current link is drawn in the accent colour, thick.
    expect(svg).toContain(`<path d="${geometry.path}" fill="none" stroke="#0072b2" stroke-width="5"/>`);
  });

  it('keeps a packet 6 flow units clear of the card it leaves and the card it reaches, as the diagram does', () => {
    for (const [theme, metrics] of [
      ['light', DIAGRAM_METRICS.regular],
      ['projector', DIAGRAM_METRICS.projector],
    ] as const) {
      const layout = layoutFor(timeline, metrics);
      for (const id of ['tcp-syn', 'http-request', 'tls-server-hello']) {
        const index = timeline.steps.findIndex((s) => s.id === id);
        const step = timeline.steps[index]!;
        const from = layout.byId.get(step.from)!;
        const to = layout.byId.get(step.to)!;
        const [left, right] = from.x < to.x ? [from, to] : [to, from];
        for (const progress of [0, 0.5, 1]) {
          const svg = scene({ step: index, progress, theme });
          const packet = new RegExp(`<g data-step="${id}">(.*?)</g>`).exec(svg)?.[1] ?? '';
          // The outline's outer edge: the shape's x numbers, less or more its 2 px stroke's half.
          const xs = [
            ...packet.matchAll(
              /<(?:rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"|path d="M([\d.]+) [\d.]+H([\d.]+))/g,
            ),
          ][0]!;
          const start = Number(xs[1] ?? xs[3]) - 1;
          const end = xs[2] ? Number(xs[1]) + Number(xs[2]) + 1 : Number(xs[4]) + 1;
          const where = `${theme} ${id} at ${progress}`;
          expect(start, where).toBeGreaterThanOrEqual(left.x + left.width + 6 - 0.02);
          expect(end, where).toBeLessThanOrEqual(right.x - 6 + 0.02);
          expect(end - start, where).toBeLessThanOrEqual(metrics.columnGap - 12 + 0.02);
        }
      }
    }
  });

  it('draws a response as a notched flag with ←, a request as a pill', () => {
    const response = timeline.steps.findIndex((s) => s.direction === 'response' && s.phase === 'response');
    const svg = scene({ step: response });
    const packet = new RegExp(`<g data-step="${timeline.steps[response]!.id}">(.*?)</g>`).exec(svg)![1]!;
    expect(packet.startsWith('<path')).toBe(true);
  });

  it('differs between steps, and gives the same bytes for the same input', () => {
    const pictures = new Set(timeline.steps.map((_, step) => scene({ step })));
    expect(pictures.size).toBe(timeline.steps.length);
    expect(scene({ step: 7, theme: 'projector' })).toBe(scene({ step: 7, theme: 'projector' }));
  });

  it('embeds its font, sizes itself, and leaves the caption out when asked', () => {
    const svg = scene({ width: 1280, height: 720, captions: false, step: 3 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1280" height="720"/);
    expect(svg).toContain("@font-face{font-family:'Inter';font-weight:700");
    expect(texts(svg)).not.toContain('Step 4 of');
    expect(texts(svg)).toContain('Roundtrip · First visit · Python · FastAPI + MySQL');
  });
});
