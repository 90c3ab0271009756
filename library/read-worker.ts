// Reads and parses a chosen file off the page's thread: File.text() and JSON.parse of an 85 MB export, and the
// check of 100,000 annotations, take seconds together. The File itself is posted here (a cheap handle, not the
// bytes). Results go back in batches, so that no single message costs the page a long structured clone. Whatever
// happens, the page gets an answer: a file this reader cannot take is refused in words, never left waiting.
import type { ImportNotices } from '../exchange/jsonld-import';
import { planCodebookMerge, type CodebookPlan } from '../taxonomy/codebook-file';
import { TaxonomyError } from '../taxonomy/errors';
import type { TaxonomyState } from '../taxonomy/state';
import type { BackupTables } from './backup';
import { readAnnotationText, readBackupText, unexpected } from './read-text';

export type ReadWorkerRequest =
  | { kind: 'annotations' | 'backup'; file: File; maxBytes: number }
  /** A codebook file, read (its XML parse is the long part) and its merge into `current` planned. */
  | { kind: 'codebook'; file: File; current: TaxonomyState };

export type ReadWorkerReply =
  | { type: 'stage'; stage: 'reading' | 'parsing' }
  | { type: 'annotations-head'; total: number; pages: unknown[]; importedTerms: unknown[]; warnings: string[]; notices: ImportNotices }
  | { type: 'backup-head'; exported: string; repaired: number; tables: Omit<BackupTables, 'annotations'>; total: number }
  | { type: 'chunk'; annotations: unknown[] }
  | { type: 'done' }
  | { type: 'failed'; errors: string[] }
  | ({ type: 'codebook-plan' } & CodebookPlan)
  | { type: 'refused'; zh: string; en: string; details?: string[] };

const CHUNK = 5000;
const post = (reply: ReadWorkerReply) => (self as unknown as Worker).postMessage(reply);

function sendChunks(annotations: unknown[]) {
  for (let i = 0; i < annotations.length; i += CHUNK) post({ type: 'chunk', annotations: annotations.slice(i, i + CHUNK) });
  post({ type: 'done' });
}

async function read(request: ReadWorkerRequest): Promise<void> {
  const { kind, file } = request;
  post({ type: 'stage', stage: 'reading' });
  const text = await file.text();
  post({ type: 'stage', stage: 'parsing' });
  if (kind === 'codebook') {
    try {
      return post({ type: 'codebook-plan', ...(await planCodebookMerge({ name: file.name, text }, { current: request.current })) });
    } catch (e) {
      if (!(e instanceof TaxonomyError)) throw e;
      return post({ type: 'refused', zh: e.zh, en: e.en, details: e.details });
    }
  }
  const { maxBytes } = request;
  if (kind === 'annotations') {
    const result = readAnnotationText(text, file.size, maxBytes);
    if ('refused' in result) return post({ type: 'refused', zh: result.zh, en: result.en });
    if (!result.ok) return post({ type: 'failed', errors: result.errors });
    post({ type: 'annotations-head', total: result.annotations.length, pages: result.pages, importedTerms: result.importedTerms, warnings: result.warnings, notices: result.notices });
    return sendChunks(result.annotations);
  }
  const reading = readBackupText(text);
  if ('refused' in reading) return post({ type: 'refused', zh: reading.zh, en: reading.en });
  if (!reading.ok) return post({ type: 'refused', ...reading.problem });
  const { annotations, ...rest } = reading.tables;
  post({ type: 'backup-head', exported: reading.exported, repaired: reading.repaired, tables: rest, total: annotations.length });
  sendChunks(annotations);
}

self.onmessage = (event: MessageEvent<ReadWorkerRequest>) => {
  // An async handler's failure would be an unhandled rejection here, which the page never hears of.
  read(event.data).catch((e) => {
    const { zh, en } = unexpected(e);
    post({ type: 'refused', zh, en });
  });
};
