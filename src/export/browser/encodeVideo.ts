import {
  BufferTarget,
  CanvasSource,
  canEncodeVideo,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
} from 'mediabunny';
import type { ExportFile, ExportProgress, ExportRequest } from '../ExportRequest.ts';
import { exportBaseName } from '../exportBaseName.ts';
import { videoFrames } from '../motion/motionFrames.ts';
import { stepSvg, throwIfCancelled } from './stepPictures.ts';
import { drawSvg, sceneCanvas } from './svgPixels.ts';

const FPS = 30;

/**
 * The range at teaching pace as a 30 fps video: MP4 (H.264) where WebCodecs can encode it
 * (mediabunny's canEncodeVideo asks VideoEncoder.isConfigSupported), else WebM (VP9). WebCodecs
 * encodes on its own threads; this thread only draws each frame.
 */
export async function encodeVideo(request: ExportRequest, progress: ExportProgress): Promise<ExportFile> {
  if (typeof VideoEncoder === 'undefined')
    throw new Error('this browser has no WebCodecs VideoEncoder (try Chrome, Edge or Safari 17+)');
  const { width, height } = request.size;
  const mp4 = await canEncodeVideo('avc', { width, height, bitrate: QUALITY_HIGH });
  if (!mp4 && !(await canEncodeVideo('vp9', { width, height, bitrate: QUALITY_HIGH })))
    throw new Error(`this browser can encode neither H.264 nor VP9 at ${width}×${height}`);
  const output = new Output({
    format: mp4 ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const { canvas, context } = sceneCanvas(width, height);
  const source = new CanvasSource(canvas, { codec: mp4 ? 'avc' : 'vp9', bitrate: QUALITY_HIGH });
  output.addVideoTrack(source, { frameRate: FPS });
  await output.start();
  const frames = videoFrames(request.range, FPS);
  const count = request.timeline.steps.length;
  try {
    for (const [i, frame] of frames.entries()) {
      throwIfCancelled(progress.signal);
      progress.report(i, frames.length, `Step ${frame.step + 1} of ${count}`);
      await drawSvg(stepSvg(request, frame.step, frame.progress), context);
      await source.add(i / FPS, 1 / FPS);
    }
    await output.finalize();
  } catch (error) {
    await output.cancel();
    throw error;
  }
  const bytes = new Uint8Array((output.target as BufferTarget).buffer ?? new ArrayBuffer(0));
  return {
    name: `${exportBaseName(request.timeline)}.${mp4 ? 'mp4' : 'webm'}`,
    type: mp4 ? 'video/mp4' : 'video/webm',
    bytes,
  };
}
