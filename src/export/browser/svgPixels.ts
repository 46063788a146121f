import { svgImage } from './svgImage.ts';

/** A canvas to draw scenes on, reused frame after frame. */
export function sceneCanvas(
  width: number,
  height: number,
): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this browser gave no 2D canvas to draw the frames on');
  return { canvas, context };
}

/** Draws a scene's SVG on the canvas (the frame a video takes) and returns its RGBA pixels (what a GIF takes). */
export async function drawSvg(svg: string, context: CanvasRenderingContext2D): Promise<Uint8Array> {
  const { width, height } = context.canvas;
  context.drawImage(await svgImage(svg), 0, 0, width, height);
  return new Uint8Array(context.getImageData(0, 0, width, height).data.buffer);
}
