/// <reference lib="webworker" />
import { GifWriter } from '../gif/GifWriter.ts';

/** Encodes a GIF off the main thread: 'start' with a size, 'frame's of RGBA and delay, then 'finish'. */
export type GifMessage =
  | { readonly kind: 'start'; readonly width: number; readonly height: number }
  | { readonly kind: 'frame'; readonly rgba: Uint8Array; readonly delayMs: number }
  | { readonly kind: 'finish' };

let writer: GifWriter | null = null;
self.onmessage = (event: MessageEvent<GifMessage>) => {
  const message = event.data;
  try {
    switch (message.kind) {
      case 'start':
        writer = new GifWriter(message.width, message.height);
        return;
      case 'frame':
        writer?.add(message.rgba, message.delayMs);
        self.postMessage({ kind: 'added' });
        return;
      case 'finish': {
        const bytes = writer?.finish() ?? new Uint8Array();
        self.postMessage({ kind: 'done', bytes }, [bytes.buffer]);
        return;
      }
      default: {
        const never: never = message;
        throw new Error(`Unknown message ${String(never)}`);
      }
    }
  } catch (error) {
    self.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
