import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { nodeSceneFonts } from '../../src/export/node/nodeSceneFonts.ts';
import { pixelsNode, pngNode } from '../../src/export/node/rasterizeNode.ts';
import { renderScene } from '../../src/export/scene/renderScene.ts';
import type { SceneThemeName } from '../../src/export/scene/sceneTheme.ts';
import { decodePng } from '../helpers/decodePng.ts';

/**
 * Golden pictures of the scene as resvg draws it with the bundled font (tests/golden/*.png). A
 * change of look fails here; when it is meant, delete the file (or run with UPDATE_GOLDEN=1) and
 * look at the new one before committing it.
 */
const CASES: readonly { name: string; theme: SceneThemeName; step: string; progress: number }[] = [
  { name: 'first-visit-light-tcp-syn', theme: 'light', step: 'tcp-syn', progress: 0.5 },
  { name: 'first-visit-dark-db-query', theme: 'dark', step: 'db-query', progress: 1 },
  { name: 'first-visit-projector-response', theme: 'projector', step: 'http-response', progress: 0.6 },
];

describe('export scene golden images', () => {
  const timeline = buildTimeline(scenarioById('first-visit')!, { lang: 'python', db: 'mysql' });
  const fonts = nodeSceneFonts();
  it.each(CASES)('$name matches its golden picture', ({ name, theme, step, progress }) => {
    const index = timeline.steps.findIndex((s) => s.id.startsWith(step));
    expect(index).toBeGreaterThanOrEqual(0);
    const svg = renderScene({
      timeline,
      step: index,
      progress,
      theme,
      width: 960,
      height: 540,
      captions: true,
      fonts,
    });
    const actual = pixelsNode(svg, fonts);
    const path = new URL(`../golden/${name}.png`, import.meta.url);
    if (!existsSync(path) || process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(path, pngNode(svg, fonts));
    }
    const golden = decodePng(new Uint8Array(readFileSync(path)));
    expect([actual.width, actual.height]).toEqual([golden.width, golden.height]);
    let off = 0;
    let total = 0;
    for (let i = 0; i < actual.rgba.length; i++) {
      const d = Math.abs((actual.rgba[i] ?? 0) - (golden.rgba[i] ?? 0));
      total += d;
      if (d > 48) off++;
    }
    // Anti-aliasing may move by a shade; a moved node, packet or line of text changes thousands of pixels.
    expect(off / actual.rgba.length).toBeLessThan(0.002);
    expect(total / actual.rgba.length).toBeLessThan(0.5);
  });
});
