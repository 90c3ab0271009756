// Runs the Excel export in xlsx-worker.ts and hands back the Blob. A cancel terminates the worker, which stops the
// work at once whatever it is doing. Where a worker cannot start (unit tests in Node), the export runs here, with a
// yield between batches of rows; only the final zip step then blocks the page.
import type { ExportContext, Lang } from '../exchange/export-context';
import type { AnnotationRecord } from '../model';
import type { ExportOptions } from './export-files';
import type { XlsxWorkerReply, XlsxWorkerRequest } from './xlsx-worker';
import { yieldToPage } from './yield';
// Vite bundles the worker with its imports into a file of its own (`new URL(…, import.meta.url)` is not
// rewritten in WXT's page build, which replaces import.meta.url).
import XlsxWorker from './xlsx-worker?worker';

const SEND_BATCH = 5000;

function startWorker(): Worker | undefined {
  try {
    return new XlsxWorker();
  } catch {
    return undefined;
  }
}

export async function xlsxBlob(
  annotations: readonly AnnotationRecord[],
  ctx: ExportContext,
  lang: Lang,
  options: ExportOptions = {},
): Promise<Blob> {
  const worker = typeof Worker === 'undefined' ? undefined : startWorker();
  if (!worker) {
    // Loaded only here: the page itself never carries the xlsx writer, the worker does.
    const { annotationsXlsx } = await import('../exchange/xlsx');
    return annotationsXlsx(annotations, ctx, {
      lang,
      batchSize: 2000,
      signal: options.signal,
      onProgress: async (done) => {
        options.onProgress?.(done);
        await yieldToPage();
      },
    });
  }
  const { signal } = options;
  try {
    return await new Promise<Blob>((resolve, reject) => {
      const onAbort = () => reject(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = (event: MessageEvent<XlsxWorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') options.onProgress?.(reply.done);
        else if (reply.type === 'done') resolve(reply.blob);
        else reject(new Error(reply.message));
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the Excel worker failed'));
      void (async () => {
        for (let i = 0; i < annotations.length; i += SEND_BATCH) {
          if (signal?.aborted) return;
          const request: XlsxWorkerRequest = { type: 'rows', annotations: annotations.slice(i, i + SEND_BATCH) };
          worker.postMessage(request);
          await yieldToPage();
        }
        if (signal?.aborted) return;
        const build: XlsxWorkerRequest = {
          type: 'build',
          pages: [...ctx.pages.values()],
          terms: [...ctx.terms.values()],
          coders: [...(ctx.coders ?? [])],
          lang,
        };
        worker.postMessage(build);
      })();
    });
  } finally {
    worker.terminate();
  }
}
