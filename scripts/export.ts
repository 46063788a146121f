/**
 * Exports scenarios as files for slide decks.
 *   npm run export -- <scenario> [--lang L] [--db D] --format png|svg|gif|pptx [--size WxH]
 *                     [--theme light|dark|projector] [--steps A-B] [--out PATH] [--all] [--link URL]
 * A bad argument prints one line and exits with 2; nothing else is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stepFileName } from '../src/export/exportOptions.ts';
import { GifWriter } from '../src/export/gif/GifWriter.ts';
import { gifFrames } from '../src/export/motion/motionFrames.ts';
import { pixelsNode, pngNode } from '../src/export/node/rasterizeNode.ts';
import { buildPptx } from '../src/export/pptx/buildPptx.ts';
import { nodeSceneFonts } from '../src/export/node/nodeSceneFonts.ts';
import { renderScene } from '../src/export/scene/renderScene.ts';
import { parseExportArgs } from './export/parseExportArgs.ts';
import type { ExportJob, ExportPlan } from './export/parseExportArgs.ts';

function write(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  process.stdout.write(`${path}\n`);
}

function pictures(plan: ExportPlan, job: ExportJob, extension: 'png' | 'svg'): void {
  const fonts = nodeSceneFonts();
  const { timeline, range } = job;
  for (let n = range.from; n <= range.to; n++) {
    const step = timeline.steps[n - 1];
    if (!step) continue;
    const svg = renderScene({
      timeline,
      step: n - 1,
      progress: 1,
      theme: plan.theme,
      ...plan.size,
      captions: true,
      fonts,
    });
    const bytes = extension === 'svg' ? svg : pngNode(svg, fonts);
    write(
      range.to > range.from ? join(job.out, stepFileName(step, timeline.steps.length, extension)) : job.out,
      bytes,
    );
  }
}

async function deck(plan: ExportPlan, job: ExportJob): Promise<void> {
  const fonts = nodeSceneFonts();
  const bytes = await buildPptx({
    timeline: job.timeline,
    range: job.range,
    link: plan.link,
    picture: async (step) => {
      const svg = renderScene({
        timeline: job.timeline,
        step,
        progress: 1,
        theme: plan.theme,
        ...plan.size,
        captions: false,
        fonts,
      });
      return `data:image/png;base64,${Buffer.from(pngNode(svg, fonts)).toString('base64')}`;
    },
  });
  write(job.out, bytes);
}

function gif(plan: ExportPlan, job: ExportJob): void {
  const fonts = nodeSceneFonts();
  const writer = new GifWriter(plan.size.width, plan.size.height);
  for (const frame of gifFrames(job.range)) {
    const svg = renderScene({
      timeline: job.timeline,
      step: frame.step,
      progress: frame.progress,
      theme: plan.theme,
      ...plan.size,
      captions: true,
      fonts,
    });
    writer.add(pixelsNode(svg, fonts).rgba, frame.ms);
  }
  write(job.out, writer.finish());
}

async function run(plan: ExportPlan, job: ExportJob): Promise<void> {
  switch (plan.format) {
    case 'png':
    case 'svg':
      return pictures(plan, job, plan.format);
    case 'gif':
      return gif(plan, job);
    case 'pptx':
      return deck(plan, job);
    default: {
      const never: never = plan.format;
      throw new Error(`Unknown format ${String(never)}`);
    }
  }
}

try {
  const plan = parseExportArgs(process.argv.slice(2));
  for (const job of plan.jobs) await run(plan, job);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
