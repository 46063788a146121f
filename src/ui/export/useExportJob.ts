import { useRef, useState } from 'react';
import { download } from '../../export/browser/download.ts';
import { runExport } from '../../export/browser/runExport.ts';
import type { ExportItemId } from '../../export/exportItems.ts';
import type { ExportRequest } from '../../export/ExportRequest.ts';

export type ExportJobState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly label: string;
      readonly done: number;
      readonly total: number;
      readonly what: string;
    }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** Runs one export at a time: its progress, its Cancel, and what came of it. */
export function useExportJob() {
  const [state, setState] = useState<ExportJobState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const start = async (item: ExportItemId, label: string, request: ExportRequest) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running', label, done: 0, total: 1, what: 'Starting' });
    try {
      const file = await runExport(item, request, {
        signal: abort.signal,
        report: (done, total, what) => {
          if (!abort.signal.aborted) setState({ kind: 'running', label, done, total, what });
        },
      });
      if (abort.signal.aborted) return;
      if (!file) {
        setState({ kind: 'done', message: `${label} sent to print` });
        return;
      }
      download(file.bytes, file.name, file.type);
      setState({ kind: 'done', message: `Saved ${file.name}` });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        setState({ kind: 'done', message: `${label} cancelled` });
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      setState({ kind: 'failed', message: `${label} failed: ${reason}` });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };
  const cancel = () => controller.current?.abort();
  return { state, start, cancel };
}
