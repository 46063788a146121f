import { zipSync } from 'fflate';
import { base64 } from '../scene/base64.ts';
import { exportBaseName } from '../exportBaseName.ts';
import type { ExportItemId } from '../exportItems.ts';
import { stepFileName } from '../exportOptions.ts';
import type { ExportFile, ExportProgress, ExportRequest } from '../ExportRequest.ts';
import { printHandout } from './printHandout.ts';
import { stepPngs, stepSvg } from './stepPictures.ts';
import { svgToPng } from './svgToPng.ts';

/** Makes one menu item's file from the player's timeline and position (null: the handout went to print). */
export async function runExport(
  item: ExportItemId,
  request: ExportRequest,
  progress: ExportProgress,
): Promise<ExportFile | null> {
  const { timeline, size } = request;
  const count = timeline.steps.length;
  const step = timeline.steps[request.step];
  const base = exportBaseName(timeline);
  const here = step ? stepFileName(step, count, '') : 'step.';
  switch (item) {
    case 'png':
      return {
        name: `${base}-${here}png`,
        type: 'image/png',
        bytes: await svgToPng(stepSvg(request, request.step, request.progress), size.width, size.height),
      };
    case 'svg':
      return {
        name: `${base}-${here}svg`,
        type: 'image/svg+xml',
        bytes: stepSvg(request, request.step, request.progress),
      };
    case 'zip': {
      const pngs = await stepPngs(request, progress);
      const entries = Object.fromEntries(
        pngs.map((png, i) => {
          const s = timeline.steps[request.range.from - 1 + i];
          return [s ? stepFileName(s, count, 'png') : `${i + 1}.png`, png] as const;
        }),
      );
      // PNGs are compressed already: store them.
      return { name: `${base}.zip`, type: 'application/zip', bytes: zipSync(entries, { level: 0 }) };
    }
    case 'pptx':
      return {
        name: `${base}.pptx`,
        type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        // PptxGenJS and JSZip load with the first deck, not with the menu.
        bytes: await (
          await import('../pptx/buildPptx.ts')
        ).buildPptx({
          timeline,
          range: request.range,
          link: request.link,
          signal: progress.signal,
          onStep: (done, total) => progress.report(done, total, `Slide ${done + 1} of ${total}`),
          picture: async (index) =>
            `data:image/png;base64,${base64(await svgToPng(stepSvg(request, index, 1, false), size.width, size.height))}`,
        }),
      };
    case 'gif':
      return (await import('./encodeGif.ts')).encodeGif(request, progress);
    case 'video':
      // mediabunny loads with the first video.
      return (await import('./encodeVideo.ts')).encodeVideo(request, progress);
    case 'handout':
      await printHandout(request, progress);
      return null;
    default: {
      const never: never = item;
      throw new Error(`Unknown export ${String(never)}`);
    }
  }
}
