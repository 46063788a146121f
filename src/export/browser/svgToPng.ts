import { svgImage } from './svgImage.ts';

/** A scene's SVG drawn at its own size and encoded as PNG bytes. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Uint8Array> {
  const image = await svgImage(svg);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser gave no 2D canvas to draw the picture on');
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`the browser could not encode a ${width}×${height} PNG`);
  return new Uint8Array(await blob.arrayBuffer());
}
