import type { Browser } from '@playwright/test';

/** One export of first-visit (Python + MySQL, every step) timed from the menu click to its file. */
export interface ExportTiming {
  readonly item: string;
  readonly size: string;
  readonly ms: number;
  readonly bytes: number | null;
}

/** GIF and video at 1280×720 (the GIF bar); the rest at the menu's default 1920×1080. */
const ITEMS: readonly { item: string; size: string }[] = [
  { item: 'PNG — this step', size: '1920x1080' },
  { item: 'PNG — all steps (zip)', size: '1920x1080' },
  { item: 'SVG — this step', size: '1920x1080' },
  { item: 'GIF', size: '1280x720' },
  { item: 'Video', size: '1280x720' },
  { item: 'PowerPoint', size: '1920x1080' },
  { item: 'Handout', size: '1920x1080' },
];

/**
 * Each export of the Export menu once, as a teacher would make it, in a fresh page whose menu is
 * already loaded (the chunk's download is not counted); the handout's print dialog is stubbed.
 */
export async function measureExports(
  browser: Browser,
  url: string,
  log: (line: string) => void,
): Promise<ExportTiming[]> {
  const timings: ExportTiming[] = [];
  for (const { item, size } of ITEMS) {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${url}/#scenario=first-visit&lang=python&db=mysql&step=7&theme=light`);
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', '1');
    });
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: item }).waitFor();
    await page.getByLabel('Size').selectOption(size);
    const started = Date.now();
    let bytes: number | null = null;
    if (item === 'Handout') {
      await page.getByRole('menuitem', { name: item }).click();
      await page.locator('body[data-printed="1"]').waitFor({ timeout: 600_000 });
    } else {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 600_000 }),
        page.getByRole('menuitem', { name: item }).click(),
      ]);
      const ms = Date.now() - started;
      const stream = await download.createReadStream();
      bytes = 0;
      for await (const chunk of stream) bytes += (chunk as Buffer).length;
      timings.push({ item, size, ms, bytes });
      log(`  ${item} at ${size}: ${(ms / 1000).toFixed(1)} s, ${(bytes / 1024).toFixed(0)} KB`);
      await context.close();
      continue;
    }
    const ms = Date.now() - started;
    timings.push({ item, size, ms, bytes });
    log(`  ${item}: ${(ms / 1000).toFixed(1)} s`);
    await context.close();
  }
  return timings;
}
