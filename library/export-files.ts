// The library's exports as Blobs, built from the rows the table shows (every annotation when nothing is filtered).
// JSON-LD and CSV run here in batches with a yield after each (the exchange generators await onProgress), so that
// the page stays responsive and a cancel takes effect between batches. Excel runs in a worker (see xlsx-export.ts).
import type { ExportContext, Lang } from '../exchange/export-context';
import { annotationsCsv } from '../exchange/csv';
import { annotationCollectionJson } from '../exchange/jsonld';
import type { AnnotationRecord } from '../model';
import { yieldToPage } from './yield';

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: (done: number) => void;
}

const BATCH = 2000;

function progress(options: ExportOptions) {
  return async (done: number) => {
    options.onProgress?.(done);
    await yieldToPage();
  };
}

// Strings are encoded to UTF-8 when a Blob is made of them: done once for 100 MB at the end, that is a freeze of most
// of a second. Folding every few chunks into a Blob spreads the encoding over the batches (a Blob made of Blobs
// references them without copying).
const FOLD_EVERY = 4;

async function blobOf(chunks: AsyncIterable<string>, type: string): Promise<Blob> {
  let folded: Blob = new Blob([]);
  let parts: string[] = [];
  for await (const chunk of chunks) {
    parts.push(chunk);
    if (parts.length >= FOLD_EVERY) {
      folded = new Blob([folded, ...parts]);
      parts = [];
    }
  }
  return new Blob([folded, ...parts], { type });
}

export function jsonLdBlob(annotations: readonly AnnotationRecord[], ctx: ExportContext, options: ExportOptions = {}): Promise<Blob> {
  const chunks = annotationCollectionJson(annotations, ctx, {
    batchSize: BATCH,
    signal: options.signal,
    onProgress: progress(options),
  });
  return blobOf(chunks, 'application/ld+json');
}

export function csvBlob(annotations: readonly AnnotationRecord[], ctx: ExportContext, lang: Lang, options: ExportOptions = {}): Promise<Blob> {
  const chunks = annotationsCsv(annotations, ctx, { lang, batchSize: BATCH, signal: options.signal, onProgress: progress(options) });
  return blobOf(chunks, 'text/csv;charset=utf-8');
}

/** File names carry the date and what they hold: pizhu-annotations-2025-03-01.jsonld. */
export function exportFileName(kind: 'jsonld' | 'csv' | 'xlsx' | 'qdpx' | 'backup' | 'backup-before-restore', now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  if (kind === 'backup') return `pizhu-backup-${day}.json`;
  // To the second: a second restore the same day must not overwrite the first one's copy.
  if (kind === 'backup-before-restore') return `pizhu-backup-before-restore-${now.toISOString().slice(0, 19).replace(/:/g, '')}.json`;
  return `pizhu-annotations-${day}.${kind}`;
}
