import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { decodePng } from '../helpers/decodePng.ts';
import { readGif } from '../helpers/readGif.ts';
import { expect, test, timelineOf } from './fixtures.ts';

const timeline = timelineOf('first-visit', { lang: 'python', db: 'mysql' });

async function openExport(page: Page, step = 5): Promise<void> {
  await page.goto(`./#scenario=first-visit&lang=python&db=mysql&step=${step}&theme=light`);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menuitem').first()).toBeFocused();
}

async function exportAs(page: Page, item: string): Promise<{ download: Download; bytes: Uint8Array }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('menuitem', { name: item }).click(),
  ]);
  const path = await download.path();
  // Kept beside the test's results, to look at as a teacher would.
  await download.saveAs(test.info().outputPath(download.suggestedFilename()));
  return { download, bytes: new Uint8Array(readFileSync(path)) };
}

test.describe('Export menu', () => {
  test('offers the exports by name, with sizes and a step range', async ({ page }) => {
    await openExport(page);
    await expect(page.getByRole('menu', { name: 'Export as' }).getByRole('menuitem')).toHaveText([
      'PNG — this step',
      'PNG — all steps (zip)',
      'SVG — this step',
      'GIF',
      'Video',
      'PowerPoint',
      'Handout',
    ]);
    await expect(page.getByLabel('Size')).toHaveValue('1920x1080');
    await expect(page.getByRole('spinbutton', { name: 'To step' })).toHaveValue(
      String(timeline.steps.length),
    );
    // Keys inside the menu move between items and never step the player.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'PNG — all steps (zip)' })).toBeFocused();
    await expect(page).toHaveURL(/step=5/);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Export' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Export' })).toBeFocused();
  });

  test('PNG — this step downloads a picture of the chosen size, different for another step', async ({
    page,
  }) => {
    const referral = timeline.steps.findIndex((s) => s.id === 'dns-root-referral') + 1;
    expect(referral).toBeGreaterThan(0);
    await openExport(page, referral);
    await page.getByLabel('Size').selectOption('1280x720');
    const first = await exportAs(page, 'PNG — this step');
    expect(first.download.suggestedFilename()).toBe(
      `first-visit-python-mysql-${String(referral).padStart(2, '0')}-dns-root-referral.png`,
    );
    const png = decodePng(first.bytes);
    expect([png.width, png.height]).toEqual([1280, 720]);
    // A light picture: its corner is the light theme's background.
    expect([...png.rgba.subarray(0, 3)]).toEqual([0xf4, 0xf5, 0xf7]);

    await page.keyboard.press('Escape');
    await openExport(page, referral + 1);
    await page.getByLabel('Size').selectOption('1280x720');
    const second = await exportAs(page, 'PNG — this step');
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(false);
  });

  test('PNG — all steps (zip) holds one PNG per step of the range, named by step', async ({ page }) => {
    await openExport(page);
    await page.getByLabel('Size').selectOption('1280x720');
    await page.getByRole('spinbutton', { name: 'From step' }).fill('2');
    await page.getByRole('spinbutton', { name: 'To step' }).fill('5');
    const zip = await exportAs(page, 'PNG — all steps (zip)');
    expect(zip.download.suggestedFilename()).toBe('first-visit-python-mysql.zip');
    const entries = unzipSync(zip.bytes);
    expect(Object.keys(entries)).toEqual(
      timeline.steps.slice(1, 5).map((s, i) => `${String(i + 2).padStart(2, '0')}-${s.id}.png`),
    );
    for (const png of Object.values(entries)) expect(decodePng(png).width).toBe(1280);
    await expect(
      page.getByRole('status').filter({ hasText: 'Saved first-visit-python-mysql.zip' }),
    ).toBeVisible();
  });

  test('SVG — this step is a vector picture that names the step', async ({ page }) => {
    await openExport(page, 3);
    const svg = await exportAs(page, 'SVG — this step');
    const text = new TextDecoder().decode(svg.bytes);
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1920" height="1080"/);
    expect(text).toContain(`<title>Step 3 of ${timeline.steps.length}: ${timeline.steps[2]!.title}</title>`);
  });

  test('PowerPoint is an Office Open XML deck: title, one slide and notes page per step, end slide', async ({
    page,
  }) => {
    await openExport(page);
    await page.getByLabel('Size').selectOption('1280x720');
    await page.getByRole('spinbutton', { name: 'From step' }).fill('3');
    await page.getByRole('spinbutton', { name: 'To step' }).fill('6');
    const deck = await exportAs(page, 'PowerPoint');
    expect(deck.download.suggestedFilename()).toBe('first-visit-python-mysql.pptx');
    const files = unzipSync(deck.bytes);
    const xml = (name: string) => new TextDecoder().decode(files[name]);
    // Read back with the browser's own XML parser: every part well-formed, the package's parts declared.
    const read = await page.evaluate(
      ({ parts }) => {
        const parse = (text: string) => new DOMParser().parseFromString(text, 'application/xml');
        const broken = Object.entries(parts).filter(([, text]) => parse(text).querySelector('parsererror'));
        const texts = (text: string) =>
          [...parse(text).getElementsByTagName('a:t')].map((t) => t.textContent).join(' ');
        const slides = Object.keys(parts)
          .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
          .sort((a, b) => parseInt(a.slice(16)) - parseInt(b.slice(16)));
        return {
          broken: broken.map(([name]) => name),
          ids: parse(parts['ppt/presentation.xml'] ?? '').getElementsByTagName('p:sldId').length,
          slides: slides.map((n) => texts(parts[n] ?? '')),
          notes: slides.map((n) => texts(parts[n.replace('slides/slide', 'notesSlides/notesSlide')] ?? '')),
          types: parts['[Content_Types].xml'] ?? '',
        };
      },
      {
        parts: Object.fromEntries(
          Object.keys(files)
            .filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))
            .map((n) => [n, xml(n)]),
        ),
      },
    );
    expect(read.broken).toEqual([]);
    expect(read.ids).toBe(4 + 2);
    expect(read.slides).toHaveLength(6);
    expect(read.types).toContain('presentationml.presentation.main+xml');
    expect(read.slides[0]).toContain(timeline.title);
    expect(read.slides[0]).toContain('Python · FastAPI + MySQL');
    for (let i = 0; i < 4; i++) {
      const step = timeline.steps[2 + i]!;
      expect(read.slides[i + 1]).toContain(`Step ${3 + i} of ${timeline.steps.length}: ${step.title}`);
      expect(read.notes[i + 1]).toContain(step.narration);
      expect(read.notes[i + 1]).toContain(step.message.summary);
    }
    expect(read.slides[5]).toContain(timeline.outcome.summary);
    expect(xml('ppt/slides/_rels/slide6.xml.rels')).toContain(
      '#scenario=first-visit&amp;lang=python&amp;db=mysql&amp;step=6',
    );
    expect(Object.keys(files).filter((n) => /^ppt\/media\/.+\.png$/.test(n))).toHaveLength(4);
  });

  test('Handout prints one block per step, on A4 and on Letter', async ({ page }) => {
    await openExport(page);
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', '1');
    });
    await page.getByRole('spinbutton', { name: 'From step' }).fill('20');
    await page.getByRole('spinbutton', { name: 'To step' }).fill('35');
    await page.getByRole('menuitem', { name: 'Handout' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-printed', '1');
    await page.emulateMedia({ media: 'print' });
    const blocks = page.getByRole('region', { name: 'Handout' }).getByRole('article');
    await expect(blocks).toHaveCount(16);
    await expect(page.getByRole('button', { name: 'Export' })).toBeHidden();
    await expect(blocks.nth(0).getByRole('heading')).toHaveText(
      `Step 20 of ${timeline.steps.length}: ${timeline.steps[19]!.title}`,
    );
    for (const [format, width] of [
      ['A4', 794],
      ['Letter', 816],
    ] as const) {
      await page.setViewportSize({ width: width - 90, height: 1000 });
      // No message line runs past the page: every <pre> wraps within its block.
      const overflowing = await page
        .locator('.rt-handout pre')
        .evaluateAll((pres) => pres.filter((p) => p.scrollWidth > p.clientWidth + 1).length);
      expect(overflowing, format).toBe(0);
      const pdf = await page.pdf({ format });
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    }
  });

  test('GIF loops at teaching pace: a frame per movement, a hold on each hop', async ({ page }) => {
    await openExport(page);
    await page.getByLabel('Size').selectOption('1280x720');
    await page.getByRole('spinbutton', { name: 'From step' }).fill('11');
    await page.getByRole('spinbutton', { name: 'To step' }).fill('13');
    const gif = await exportAs(page, 'GIF');
    expect(gif.download.suggestedFilename()).toBe('first-visit-python-mysql.gif');
    const read = readGif(gif.bytes);
    expect(read.version).toBe('GIF89a');
    expect([read.width, read.height]).toEqual([1280, 720]);
    expect(read.loops).toBe(true);
    // 12 frames of 100 ms per step (1.2 s at teaching pace), the last of each held 1.5 s.
    expect(read.delays).toEqual([0, 1, 2].flatMap(() => [...Array<number>(11).fill(100), 1500]));
  });

  test('Video plays the range at teaching pace, 30 fps, at the chosen size', async ({ page }) => {
    await openExport(page);
    await page.getByLabel('Size').selectOption('1280x720');
    await page.getByRole('spinbutton', { name: 'From step' }).fill('11');
    await page.getByRole('spinbutton', { name: 'To step' }).fill('13');
    const video = await exportAs(page, 'Video');
    const name = video.download.suggestedFilename();
    expect(name).toMatch(/^first-visit-python-mysql\.(mp4|webm)$/);
    if (name.endsWith('.mp4')) expect(new TextDecoder().decode(video.bytes.subarray(4, 8))).toBe('ftyp');
    else expect([...video.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    const input = new Input({ source: new BufferSource(video.bytes), formats: ALL_FORMATS });
    const track = await input.getPrimaryVideoTrack();
    expect([track?.displayWidth, track?.displayHeight]).toEqual([1280, 720]);
    expect(await track?.codec).toBe(name.endsWith('.mp4') ? 'avc' : 'vp9');
    // Three steps of 1.2 s.
    expect(await input.computeDuration()).toBeCloseTo(3.6, 1);
  });
});
