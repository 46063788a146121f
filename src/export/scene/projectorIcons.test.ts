import { describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../core/index.ts';
import { NODE_ICON_PATHS } from '../../ui/diagram/nodeIconPaths.ts';
import { nodeSceneFonts } from '../node/nodeSceneFonts.ts';
import { renderScene } from './renderScene.ts';

/** The exported picture draws each machine as the screen does in every theme: icon, whole name. */
describe('an exported scene in the projector theme', () => {
  for (const id of ['first-visit', 'kubernetes', 'cdn-hit']) {
    const timeline = buildTimeline(scenarioById(id)!, { lang: 'node', db: 'postgres' });
    const svg = renderScene({
      timeline,
      step: 0,
      progress: 1,
      theme: 'projector',
      width: 1280,
      height: 720,
      captions: true,
      fonts: nodeSceneFonts(),
    });
    it(`${id}: draws every machine's icon, as the projector theme on screen does`, () => {
      for (const node of timeline.nodes)
        expect(svg, node.name).toContain(`d="${NODE_ICON_PATHS[node.kind]}"`);
      const icons = svg.match(/<path d="[^"]+" transform="translate\([^)]+\) scale\(1\.25\)"/g) ?? [];
      expect(icons.length).toBe(timeline.nodes.length);
    });
    it(`${id}: keeps every machine's name whole beside its icon (wrapped, never elided)`, () => {
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
        m[1]!.replaceAll('&amp;', '&'),
      );
      const drawn = texts.join('').replace(/\s/g, '');
      for (const node of timeline.nodes) expect(drawn, node.name).toContain(node.name.replace(/\s/g, ''));
    });
  }
});
