// Reads an annotation file, a backup or a codebook through read-worker.ts (or, where no worker can start, here, with the same
// checks of read-text.ts), checking the size first: a file over the limit is refused before a byte of it is read.
import type { AnnotationRecord, PageRecord } from '../model';
import type { ImportedTerm } from '../exchange/jsonld-import';
import type { BackupTables } from './backup';
import { checkSize, fromParseResult, ImportFileError, type ParsedImport } from './import-file';
import { LIBRARY_MAX_IMPORT_BYTES } from './limits';
import type { CodebookPlan } from '../taxonomy/codebook-file';
import { checkCodebookSize } from '../taxonomy/codebook-size';
import type { TaxonomyState } from '../taxonomy/state';
import { yieldToPage } from './yield';
import type { ReadWorkerReply, ReadWorkerRequest } from './read-worker';
// Vite bundles the worker with its imports into a file of its own (`new URL(…, import.meta.url)` is not
// rewritten in WXT's page build, which replaces import.meta.url).
import ReadWorker from './read-worker?worker';

export type ReadStage = 'reading' | 'parsing' | 'receiving';

export interface ReadOptions {
  signal?: AbortSignal;
  onStage?: (stage: ReadStage, done?: number, total?: number) => void;
  maxBytes?: number;
}

function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new ReadWorker();
  } catch {
    return undefined;
  }
}

interface Collected {
  head?: ReadWorkerReply;
  annotations: AnnotationRecord[];
}

function runWorker(worker: Worker, request: ReadWorkerRequest, options: ReadOptions): Promise<Collected> {
  const collected: Collected = { annotations: [] };
  let total = 0;
  return new Promise<Collected>((resolve, reject) => {
    options.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true });
    worker.onerror = (event) => reject(new ImportFileError('读取文件时出错。数据库没有改动。', 'The file could not be read. Nothing was changed.', [event.message]));
    worker.onmessageerror = () => reject(new ImportFileError('读取文件时出错。数据库没有改动。', 'The file could not be read. Nothing was changed.'));
    worker.onmessage = (event: MessageEvent<ReadWorkerReply>) => {
      const reply = event.data;
      switch (reply.type) {
        case 'stage':
          return options.onStage?.(reply.stage);
        case 'annotations-head':
        case 'backup-head':
          collected.head = reply;
          total = reply.total;
          return options.onStage?.('receiving', 0, total);
        case 'chunk':
          for (const a of reply.annotations) collected.annotations.push(a as AnnotationRecord);
          return options.onStage?.('receiving', collected.annotations.length, total);
        case 'done':
          return resolve(collected);
        case 'failed':
          try {
            fromParseResult({ ok: false, errors: reply.errors });
          } catch (e) {
            reject(e);
          }
          return;
        case 'refused':
          return reject(new ImportFileError(reply.zh, reply.en, reply.details));
        case 'codebook-plan':
          collected.head = reply;
          return resolve(collected);
      }
    };
    worker.postMessage(request);
  });
}

/** A W3C annotation file (JSON-LD), read and checked; throws ImportFileError naming what is wrong. */
export async function readAnnotationFile(file: File, options: ReadOptions = {}): Promise<ParsedImport> {
  const maxBytes = options.maxBytes ?? LIBRARY_MAX_IMPORT_BYTES;
  checkSize(file.size, maxBytes);
  const worker = startWorker();
  if (!worker) {
    options.onStage?.('reading');
    const text = await file.text();
    options.signal?.throwIfAborted();
    options.onStage?.('parsing');
    const { readAnnotationText } = await import('./read-text');
    const result = readAnnotationText(text, file.size, maxBytes);
    if ('refused' in result) throw new ImportFileError(result.zh, result.en);
    return fromParseResult(result);
  }
  try {
    const { head, annotations } = await runWorker(worker, { kind: 'annotations', file, maxBytes }, options);
    if (head?.type !== 'annotations-head') throw new Error('the reader sent no summary');
    return {
      annotations,
      pages: head.pages as Partial<PageRecord>[],
      importedTerms: head.importedTerms as ImportedTerm[],
      warnings: head.warnings,
      notices: head.notices,
    };
  } finally {
    worker.terminate();
  }
}

export interface BackupFile {
  tables: BackupTables;
  exported: string;
  /** Records brought into shape on the way: dates in another spelling, unusable ids or positions replaced. */
  repaired: number;
}

/** A backup file, read and checked in full; throws ImportFileError naming the first problem. */
export async function readBackupFile(file: File, options: ReadOptions = {}): Promise<BackupFile> {
  // A backup also holds the pages' text snapshots, so it may be larger than an export of the same library.
  const maxBytes = options.maxBytes ?? LIBRARY_MAX_IMPORT_BYTES * 2;
  checkSize(file.size, maxBytes);
  const worker = startWorker();
  if (!worker) {
    const { readBackupText } = await import('./read-text');
    const reading = readBackupText(await file.text());
    if ('refused' in reading) throw new ImportFileError(reading.zh, reading.en);
    if (!reading.ok) throw new ImportFileError(reading.problem.zh, reading.problem.en);
    return reading;
  }
  try {
    const { head, annotations } = await runWorker(worker, { kind: 'backup', file, maxBytes }, options);
    if (head?.type !== 'backup-head') throw new Error('the reader sent no summary');
    return { tables: { ...head.tables, annotations }, exported: head.exported, repaired: head.repaired };
  } finally {
    worker.terminate();
  }
}

/**
 * A codebook file read and its merge into `current` planned, in the reader worker: the XML parse of a codebook of
 * thousands of codes is the longest part, and there it costs the page nothing. Throws a TaxonomyError (or, from
 * the worker, an ImportFileError with the same words) that says what is wrong.
 */
export async function readCodebookPlan(file: File, current: TaxonomyState): Promise<CodebookPlan> {
  checkCodebookSize(file.size);
  const worker = startWorker();
  if (!worker) {
    const { planCodebookMerge } = await import('../taxonomy/codebook-file');
    return planCodebookMerge({ name: file.name, text: await file.text() }, { current, pause: yieldToPage });
  }
  try {
    const { head } = await runWorker(worker, { kind: 'codebook', file, current }, {});
    if (head?.type !== 'codebook-plan') throw new Error('the reader sent no plan');
    const { type: _type, ...plan } = head;
    return plan;
  } finally {
    worker.terminate();
  }
}
