// The Excel export in a worker: write-excel-file builds the whole workbook (and zips it) in one synchronous run of
// several seconds for 100,000 rows, which would freeze the page. The page sends the annotations in batches (each
// structured clone is short), then the pages and terms, then 'build'; the worker replies with progress and the Blob.
import { annotationsXlsx } from '../exchange/xlsx';
import type { Lang } from '../exchange/export-context';
import type { AnnotationRecord, PageRecord, Term } from '../model';

export type XlsxWorkerRequest =
  | { type: 'rows'; annotations: AnnotationRecord[] }
  | { type: 'build'; pages: PageRecord[]; terms: Term[]; coders: [string, string][]; lang: Lang };

export type XlsxWorkerReply =
  | { type: 'progress'; done: number }
  | { type: 'done'; blob: Blob }
  | { type: 'error'; message: string };

const rows: AnnotationRecord[] = [];
const post = (reply: XlsxWorkerReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<XlsxWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'rows') {
    for (const a of request.annotations) rows.push(a);
    return;
  }
  try {
    const ctx = {
      pages: new Map(request.pages.map((p) => [p.url, p])),
      terms: new Map(request.terms.map((t) => [t.id, t])),
      coders: new Map(request.coders),
    };
    const blob = await annotationsXlsx(rows, ctx, {
      lang: request.lang,
      batchSize: 5000,
      onProgress: (done) => post({ type: 'progress', done }),
    });
    post({ type: 'done', blob });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
