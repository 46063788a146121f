import { GifWriter } from '../gif/GifWriter.ts';
import type { GifMessage } from './gifWorker.ts';
// Inlined (a blob: worker) so the single file has no second file to fetch.
import GifWorker from './gifWorker.ts?worker&inline';

/** Where frames go to be encoded: a Worker when the page may start one, else this thread. */
export interface GifSink {
  add(rgba: Uint8Array, delayMs: number): Promise<void>;
  finish(): Promise<Uint8Array>;
  close(): void;
}

function inline(width: number, height: number): GifSink {
  const writer = new GifWriter(width, height);
  return {
    add: async (rgba, delayMs) => writer.add(rgba, delayMs),
    finish: async () => writer.finish(),
    close: () => undefined,
  };
}

/**
 * A GIF encoder off the main thread. The single file's CSP allows no worker script, so where
 * starting one fails the frames are encoded here instead, between the frames' own awaits.
 */
export function gifEncoder(width: number, height: number): GifSink {
  let worker: Worker;
  try {
    worker = new GifWorker();
  } catch {
    return inline(width, height);
  }
  let fallback: GifSink | null = null;
  const pending: ((reply: { kind: string; bytes?: Uint8Array; message?: string }) => void)[] = [];
  let failed: string | null = null;
  worker.onmessage = (event) => pending.shift()?.(event.data);
  worker.onerror = (event) => {
    failed = event.message || 'the GIF worker could not start';
    event.preventDefault();
    for (const reply of pending.splice(0)) reply({ kind: 'error', message: failed });
  };
  const ask = (message: GifMessage, transfer: Transferable[] = []) =>
    new Promise<{ kind: string; bytes?: Uint8Array; message?: string }>((resolve) => {
      pending.push(resolve);
      worker.postMessage(message, transfer);
    });
  worker.postMessage({ kind: 'start', width, height } satisfies GifMessage);
  let added = 0;
  return {
    add: async (rgba, delayMs) => {
      if (fallback) return fallback.add(rgba, delayMs);
      const copy = added === 0 ? rgba.slice() : null;
      const reply = await ask({ kind: 'frame', rgba, delayMs }, [rgba.buffer]);
      if (reply.kind === 'error') {
        if (!copy) throw new Error(reply.message ?? 'the GIF worker failed');
        // The worker never ran (a CSP without worker-src): encode here from the first frame on.
        fallback = inline(width, height);
        return fallback.add(copy, delayMs);
      }
      added++;
    },
    finish: async () => {
      if (fallback) return fallback.finish();
      const reply = await ask({ kind: 'finish' });
      if (reply.kind !== 'done' || !reply.bytes) throw new Error(reply.message ?? 'the GIF worker failed');
      return reply.bytes;
    },
    close: () => worker.terminate(),
  };
}
