import { zipSync } from 'fflate';
import { exportBaseName } from '../exportBaseName.ts';
import type { ExportItemId } from '../exportItems.ts';
import { stepFileName } from '../exportOptions.ts';
import type { ExportFile, ExportProgress, ExportRequest } from '../ExportRequest.ts';
import { stepPngs, stepSvg } from './stepPictures.ts';
import { svgToPng } from './svgToPng.ts';

/** Makes one menu item's file from the player's timeline and position. */
export async function runExport(
  item: ExportItemId,
  request: ExportRequest,
  progress: ExportProgress,
): Promise<ExportFile> {
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
    default: {
      const never: never = item;
      throw new Error(`Unknown export ${String(never)}`);
    }
  }
}
