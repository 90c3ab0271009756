// What the reader of a stored copy shows, from the database: the page record with its kept text, the page's
// annotations and the terms to show them with; then the text read (reading/read.ts) in a worker.
import { normalizeUrl } from '../anchoring/url';
import type { AnnotationRecord, PageRecord, Term } from '../model';
import type { StoredReading, StoredTextInput } from '../reading/read';
import { AnnotationRepository } from '../storage/annotations';
import type { PizhuDB } from '../storage/db';
import { guard } from '../storage/errors';
import { ReadingAssembly } from './reading-parts';
import type { ReadingWorkerReply } from './reading-worker';
import { yieldToPage } from './yield';
// Vite bundles the worker with its imports into a file of its own.
import ReadingWorker from './reading-worker?worker';

export interface StoredPage {
  /** The page's key: its normalised URL. */
  url: string;
  /** Undefined when only annotations name the page (they came by import and it was never visited). */
  page?: PageRecord;
  /** In creation order. */
  annotations: AnnotationRecord[];
  /** Every term, retired ones too. */
  terms: Term[];
}

/** The page stored under `url` (or under its normalised form); null when the library knows nothing of it. */
export async function loadStoredPage(db: PizhuDB, url: string): Promise<StoredPage | null> {
  const repository = new AnnotationRepository(db);
  for (const key of new Set([url, normalizeUrl(url)])) {
    const [page, annotations] = await Promise.all([guard(() => db.pages.get(key)), repository.listByPage(key)]);
    if (!page && annotations.length === 0) continue;
    const terms = await guard(() => db.terms.toArray());
    return { url: key, page, annotations, terms };
  }
  return null;
}

/** What the reading needs of a stored page with a text. */
export function readingInput(stored: StoredPage & { page: PageRecord & { snapshot: string } }): StoredTextInput {
  const { page, annotations } = stored;
  return {
    title: page.title,
    kind: page.kind,
    text: page.snapshot,
    structure: page.snapshotStructure,
    selectors: annotations.map((a) => ({ quote: a.quote, position: a.position })),
  };
}

/**
 * Reads the text in a worker; where none can start, here, with a pause between pieces of the recognition (its code
 * then loads on demand: the page itself does not carry the recognisers).
 */
export async function readInWorker(input: StoredTextInput): Promise<StoredReading> {
  let worker: Worker | undefined;
  try {
    if (typeof Worker !== 'undefined') worker = new ReadingWorker();
  } catch {
    worker = undefined;
  }
  if (!worker) return (await import('../reading/read')).readStoredText(input, yieldToPage);
  try {
    return await new Promise<StoredReading>((resolve, reject) => {
      const assembly = new ReadingAssembly();
      worker.onmessage = (event: MessageEvent<ReadingWorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'failed') return reject(new Error(reply.message));
        const reading = assembly.add(reply);
        if (reading) resolve(reading);
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the reading worker failed'));
      worker.postMessage(input);
    });
  } finally {
    worker.terminate();
  }
}
