import { expect, test, timelineOf } from './fixtures.ts';

/**
 * Screenshots a teacher would project, written to test-results/screens/ to be looked at, with the
 * layout facts that make them legible checked on the way: nothing wider than the page, the current
 * hop's machines inside the diagram, and no packet covering a node.
 */
const firstVisit = timelineOf('first-visit');
const stepOf = (title: string) => firstVisit.steps.findIndex((s) => s.title === title) + 1;
/** The link to the first step of `scenario` whose id is `id` (issue 14's architectures). */
const at = (scenario: string, id: string) =>
  `scenario=${scenario}&step=${timelineOf(scenario).steps.findIndex((s) => s.id === id) + 1}`;

const SHOTS = [
  {
    name: 'dns-referral-1920',
    width: 1920,
    height: 1080,
    hash: `step=${stepOf('Root: ask the .example servers')}`,
  },
  { name: 'sql-rows-dark-1366', width: 1366, height: 768, hash: `step=${stepOf('1 row')}&theme=dark` },
  { name: 'http-request-1280', width: 1280, height: 800, hash: `step=${stepOf('GET /api/products/42')}` },
  { name: 'syn-480', width: 480, height: 270, hash: `step=${stepOf('SYN')}` },
  { name: 'tls-960', width: 960, height: 540, hash: `step=${stepOf('ClientHello')}` },
  {
    name: 'request-projector-1280',
    width: 1280,
    height: 720,
    hash: `step=${stepOf('GET /api/products/42')}&theme=projector`,
  },
  { name: 'dns-1024', width: 1024, height: 768, hash: `step=${stepOf('Root: ask the .example servers')}` },
  { name: 'phone-390', width: 390, height: 844, hash: `step=${stepOf('GET /api/products/42')}` },
  { name: 'embed-480', width: 480, height: 270, hash: `step=${stepOf('GET /api/products/42')}&embed=1` },
  // The replicas' and the pods' state on their cards (issue 14).
  { name: 'balancer-health-1280', width: 1280, height: 720, hash: `${at('load-balanced', 'balancer-pick')}` },
  {
    name: 'balancer-health-projector-1280',
    width: 1280,
    height: 720,
    hash: `${at('load-balanced', 'balancer-pick')}&theme=projector`,
  },
  { name: 'pod-ready-1280', width: 1280, height: 720, hash: `${at('kubernetes', 'pod-ready')}` },
  {
    name: 'rollout-1280',
    width: 1280,
    height: 720,
    hash: `${at('rolling-deploy', 'proxy-forward')}&camera=whole`,
  },
  {
    name: 'rollout-projector-1280',
    width: 1280,
    height: 720,
    hash: `${at('rolling-deploy', 'proxy-forward')}&theme=projector`,
  },
  { name: 'phone-320', width: 320, height: 640, hash: `step=${stepOf('GET /api/products/42')}` },
  // The CDN edge's HTTP/2 answer, and the CDN's own name server on a cold walk (issue 12 item 14).
  {
    name: 'cdn-h2-projector-1280',
    width: 1280,
    height: 720,
    hash: `${at('cdn-hit', 'http-response-200')}&theme=projector`,
  },
  {
    name: 'cdn-geodns-projector-1280',
    width: 1280,
    height: 720,
    hash: `${at('far-away-cdn', 'dns-cdn-answer')}&theme=projector`,
  },
  {
    name: 'cdn-geodns-1280',
    width: 1280,
    height: 720,
    hash: `${at('far-away-cdn', 'dns-authoritative-cname')}`,
  },
  // The main view as a projector shows it, every size and theme (the reveal.js slide: legibilityReveal).
  ...[
    [960, 540],
    [1280, 720],
    [1366, 768],
    [1920, 1080],
  ].flatMap(([width = 0, height = 0]) =>
    (['light', 'dark', 'projector'] as const).map((theme) => ({
      name: `main-${theme}-${width}`,
      width,
      height,
      hash: `step=${stepOf('GET /api/products/42')}&theme=${theme}`,
    })),
  ),
] as const;

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

for (const shot of SHOTS) {
  test(`screenshot ${shot.name}`, async ({ page }, info) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.goto(`/#${shot.hash}`);
    await expect(page.getByRole('status')).toContainText(`Step `);
    await page.waitForTimeout(400);

    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, 'the page never scrolls sideways').toBeLessThanOrEqual(clientWidth);

    // The whole picture where it is legible; in a small frame the camera follows the current hop.
    const diagram = await page.getByRole('region', { name: 'Request diagram' }).boundingBox();
    const boxes = (selector: string) =>
      page
        .locator(selector)
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
    const nodes = await boxes('.rt-node');
    expect(nodes.length).toBeGreaterThan(5);
    // The camera follows the hop where the whole journey would be too small to read (camera.spec.ts).
    const mustShow = await boxes('.rt-node--from, .rt-node--to, .rt-node--local');
    expect(mustShow.length).toBeGreaterThan(0);
    for (const node of mustShow) {
      expect(node.x).toBeGreaterThanOrEqual(diagram?.x ?? 0);
      expect(node.x + node.width).toBeLessThanOrEqual((diagram?.x ?? 0) + (diagram?.width ?? 0) + 1);
    }
    const packets = await page
      .locator('.rt-packet')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
    await page.screenshot({ path: info.outputPath(`${shot.name}.png`), fullPage: shot.height < 400 });
    for (const packet of packets) {
      for (const node of nodes) expect(overlaps(packet, node), 'a packet covers a node').toBe(false);
    }

    await page.screenshot({ path: info.outputPath(`${shot.name}.png`), fullPage: shot.height < 400 });
  });
}
