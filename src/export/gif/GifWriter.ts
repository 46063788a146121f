import * as gifencModule from 'gifenc';
import type { Palette } from 'gifenc';

// gifenc's CommonJS build (what Node loads) hides its names from ESM import; its module build (what Vite bundles) does not.
const gifenc: typeof gifencModule =
  'GIFEncoder' in gifencModule
    ? gifencModule
    : (gifencModule as unknown as { default: typeof gifencModule }).default;
const { applyPalette, GIFEncoder, quantize } = gifenc;

/**
 * A looping GIF89a built frame by frame. After the first frame each frame holds only the pixels
 * that changed (the rest transparent over the frame before, which stays), with its own palette for
 * those pixels: a moving packet costs a few kilobytes, not a whole picture.
 */
export class GifWriter {
  private readonly encoder = GIFEncoder();
  private previous: Uint8Array | null = null;
  private frames = 0;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  get frameCount(): number {
    return this.frames;
  }

  add(rgba: Uint8Array, delayMs: number): void {
    const { width, height } = this;
    const pixels = width * height;
    const previous = this.previous;
    if (!previous) {
      const palette = quantize(rgba, 256);
      this.encoder.writeFrame(applyPalette(rgba, palette), width, height, {
        palette,
        delay: delayMs,
        repeat: 0,
      });
    } else {
      const changed: number[] = [];
      for (let i = 0; i < pixels; i++) {
        const at = i * 4;
        if (
          rgba[at] !== previous[at] ||
          rgba[at + 1] !== previous[at + 1] ||
          rgba[at + 2] !== previous[at + 2]
        )
          changed.push(i);
      }
      const index = new Uint8Array(pixels);
      let palette: Palette = [[0, 0, 0]];
      if (changed.length > 0) {
        const sample = new Uint8Array(changed.length * 4);
        changed.forEach((p, j) => sample.set(rgba.subarray(p * 4, p * 4 + 4), j * 4));
        const colours = quantize(sample, 255);
        const mapped = applyPalette(sample, colours);
        changed.forEach((p, j) => (index[p] = (mapped[j] ?? 0) + 1));
        palette = [[0, 0, 0], ...colours];
      }
      while (palette.length < 2 || (palette.length & (palette.length - 1)) !== 0) palette.push([0, 0, 0]);
      this.encoder.writeFrame(index, width, height, {
        palette,
        delay: delayMs,
        transparent: true,
        transparentIndex: 0,
        dispose: 1,
      });
    }
    this.previous = rgba;
    this.frames++;
  }

  finish(): Uint8Array {
    this.encoder.finish();
    return this.encoder.bytes();
  }
}
