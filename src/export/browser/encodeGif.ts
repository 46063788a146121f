import type { ExportFile, ExportProgress, ExportRequest } from '../ExportRequest.ts';
import { exportBaseName } from '../exportBaseName.ts';
import { gifFrames } from '../motion/motionFrames.ts';
import { gifEncoder } from './gifEncoder.ts';
import { stepSvg, throwIfCancelled } from './stepPictures.ts';
import { drawSvg, sceneCanvas } from './svgPixels.ts';

/** The range at teaching pace as a looping GIF with a hold on each hop; frames encoded in a Worker. */
export async function encodeGif(request: ExportRequest, progress: ExportProgress): Promise<ExportFile> {
  const { width, height } = request.size;
  const { context } = sceneCanvas(width, height);
  const sink = gifEncoder(width, height);
  const frames = gifFrames(request.range);
  const count = request.timeline.steps.length;
  try {
    for (const [i, frame] of frames.entries()) {
      throwIfCancelled(progress.signal);
      progress.report(i, frames.length, `Step ${frame.step + 1} of ${count}`);
      await sink.add(await drawSvg(stepSvg(request, frame.step, frame.progress), context), frame.ms);
    }
    return { name: `${exportBaseName(request.timeline)}.gif`, type: 'image/gif', bytes: await sink.finish() };
  } finally {
    sink.close();
  }
}
