import type { ExportProgress, ExportRequest } from '../ExportRequest.ts';
import { renderScene } from '../scene/renderScene.ts';
import { browserSceneFonts } from './browserSceneFonts.ts';
import { svgToPng } from './svgToPng.ts';

/** Throws the DOMException fetch throws, so a cancel is told apart from a failure. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('The export was cancelled', 'AbortError');
}

/** The scene of one step as it is at rest (its packet arrived), at the request's size and theme. */
export function stepSvg(request: ExportRequest, step: number, progress = 1, captions = true): string {
  return renderScene({
    timeline: request.timeline,
    step,
    progress,
    theme: request.theme,
    ...request.size,
    captions,
    fonts: browserSceneFonts(),
  });
}

/** PNGs of every step in the request's range, reporting each. */
export async function stepPngs(request: ExportRequest, progress: ExportProgress): Promise<Uint8Array[]> {
  const { from, to } = request.range;
  const pngs: Uint8Array[] = [];
  for (let n = from; n <= to; n++) {
    throwIfCancelled(progress.signal);
    progress.report(n - from, to - from + 1, `Step ${n} of ${request.timeline.steps.length}`);
    pngs.push(await svgToPng(stepSvg(request, n - 1), request.size.width, request.size.height));
  }
  return pngs;
}
