/**
 * Screenshots to look at as a teacher about to project them (issue 11): the main view at the projectors'
 * sizes in every theme, the embed view, a real reveal.js slide and two phones, for a few scenarios and
 * steps. Written to test-results/screens-all/ (or the folder given), one PNG per shot.
 *
 *   npx vite build && node_modules/.bin/vite preview --port 4303 &
 *   npx tsx scripts/screens.ts http://127.0.0.1:4303/ [folder] [name filter]
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { buildTimeline, DEFAULT_STACK, scenarioById } from '../src/core/index.ts';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium.ts';
import { openDeck, serveRevealDeck } from '../tests/e2e/revealDeck.ts';

const [base = 'http://127.0.0.1:4303/', folder = 'test-results/screens-all', only = '', size, oneHash] =
  process.argv.slice(2);

const stepCount = (id: string) => {
  const scenario = scenarioById(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return buildTimeline(scenario, DEFAULT_STACK).steps.length;
};

interface Shot {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly hash: string;
  readonly builder?: boolean;
}

const n = stepCount('first-visit');
const SCENES: readonly (readonly [string, string])[] = [
  ['fv1', 'scenario=first-visit&step=1'],
  ['fv10', 'scenario=first-visit&step=10'],
  ['fv20', 'scenario=first-visit&step=20'],
  [`fv${n}`, `scenario=first-visit&step=${n}`],
  ['cdn', `scenario=cdn-hit&step=${Math.ceil(stepCount('cdn-hit') / 2)}`],
  ['k8s', `scenario=kubernetes&step=${Math.ceil(stepCount('kubernetes') / 2)}`],
  ['slow', `scenario=slow-query&step=${stepCount('slow-query') - 3}`],
  ['login', `scenario=login-session&step=${Math.ceil(stepCount('login-session') / 2)}`],
];
const SIZES = [
  [960, 540],
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1920, 1080],
] as const;
const THEMES = ['light', 'dark', 'projector'] as const;

/** Every scene at every size in every theme, named `view-WxH-theme-scene`. */
const grid = (
  view: string,
  sizes: readonly (readonly [number, number])[],
  themes: readonly string[],
  extra = '',
) =>
  sizes.flatMap(([width, height]) =>
    themes.flatMap((theme) =>
      SCENES.map(([scene, hash]): Shot => ({
        name: `${view}-${width}x${height}-${theme}-${scene}`,
        width,
        height,
        hash: `${hash}&theme=${theme}${extra}`,
      })),
    ),
  );

const shots: Shot[] = [
  ...grid('main', SIZES, THEMES),
  ...grid(
    'embed',
    [
      [480, 270],
      [960, 540],
    ],
    THEMES,
    '&embed=1',
  ),
  ...grid(
    'phone',
    [
      [390, 844],
      [320, 640],
    ],
    ['light', 'projector'],
  ),
];
for (const [w, h] of [
  [1280, 720],
  [1024, 768],
  [390, 844],
] as const)
  shots.push({
    name: `builder-${w}x${h}`,
    width: w,
    height: h,
    hash: 'scenario=first-visit&step=1',
    builder: true,
  });

// One shot: `… folder name WxH hash` (e.g. `phone 390x844 scenario=first-visit&step=4`).
if (size && oneHash) {
  const [width = 0, height = 0] = size.split('x').map(Number);
  shots.splice(0, shots.length, { name: only, width, height, hash: oneHash });
}

async function settle(page: Page) {
  await page.waitForSelector('.react-flow__node');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(1200);
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
await mkdir(folder, { recursive: true });
for (const shot of shots) {
  if (only && !shot.name.includes(only)) continue;
  const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
  await page.goto(`${base}#${shot.hash}`);
  await settle(page);
  if (shot.builder) {
    await page.getByRole('button', { name: 'Customize' }).click();
    await page.waitForTimeout(1500);
  }
  await page.screenshot({ path: join(folder, `${shot.name}.png`) });
  await page.close();
}
if (size && oneHash) process.exit(0);
// Inside a real reveal.js 5 slide at 1280×720 (the deck's 960×540 slide scaled up).
for (const [scene, hash] of SCENES) {
  for (const theme of THEMES) {
    const name = `reveal-1280x720-${theme}-${scene}`;
    if (only && !name.includes(only)) continue;
    const deck = await serveRevealDeck(`${base}#${hash}&theme=${theme}&embed=1&api=1&handoff=1`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openDeck(page, deck, 2);
    // As docs/embedding.md sets it up: reveal.js's arrows at the edges, clear of the frame.
    await page.evaluate("Reveal.configure({ controlsLayout: 'edges' })");
    await page.frameLocator('#player iframe').locator('.react-flow__node').first().waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(folder, `${name}.png`) });
    await page.close();
    await deck.close();
  }
}
await browser.close();
