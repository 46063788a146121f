/**
 * A scene's SVG decoded as an image. A data: URL, not a blob: one, because the single file's CSP
 * allows images only from data:; the SVG carries its own font, so the page's fonts play no part.
 */
export async function svgImage(svg: string): Promise<HTMLImageElement> {
  const image = new Image();
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  return image;
}
