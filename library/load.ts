// Loading the library: every annotation, with the pages and terms it refers to, into memory once. 100,000 rows are
// read in batches (AnnotationRepository.batches) with a yield between them, so that the page shows a progress bar
// instead of freezing while IndexedDB hands over the records.
import { AnnotationRepository } from '../storage/annotations';
import type { PizhuDB } from '../storage/db';
import { guard } from '../storage/errors';
import type { AnnotationRecord, PageRecord, Term } from '../model';
import { toRow, type LibraryRow } from './rows';
import { yieldToPage } from './yield';

export interface LibraryData {
  rows: LibraryRow[];
  pages: Map<string, PageRecord>;
  terms: Map<string, Term>;
}

export async function loadLibrary(db: PizhuDB, onProgress?: (done: number, total: number) => void): Promise<LibraryData> {
  const [total, pageList, termList] = await guard(() => Promise.all([db.annotations.count(), db.pages.toArray(), db.terms.toArray()]));
  // The text snapshots are for re-anchoring, not for the table: dropping them keeps 2,000 pages light.
  const pages = new Map(pageList.map(({ snapshot: _s, ...page }) => [page.url, page as PageRecord]));
  const terms = new Map(termList.map((t) => [t.id, t]));
  const rows: LibraryRow[] = [];
  for await (const batch of new AnnotationRepository(db).batches(5000)) {
    for (const a of batch) rows.push(toRow(a, pages, terms));
    onProgress?.(rows.length, total);
    await yieldToPage();
  }
  return { rows, pages, terms };
}

/** The rows again after some terms changed (a rename in the taxonomy editor), without reading the database. */
export function relabel(data: LibraryData, changed: readonly Term[]): LibraryData {
  const terms = new Map(data.terms);
  for (const t of changed) terms.set(t.id, t);
  return { rows: data.rows.map((r) => toRow(r.annotation, data.pages, terms)), pages: data.pages, terms };
}

/** The rows after some annotations were written or deleted here (the adjudication's consensus), without reading the
 *  database again: rows of deleted or rewritten annotations go, the written ones come in. */
export function applyAnnotationChange(data: LibraryData, change: { put: readonly AnnotationRecord[]; removed: readonly string[] }): LibraryData {
  if (change.put.length === 0 && change.removed.length === 0) return data;
  const gone = new Set([...change.removed, ...change.put.map((a) => a.id)]);
  const rows = data.rows.filter((r) => !gone.has(r.annotation.id));
  for (const a of change.put) rows.push(toRow(a, data.pages, data.terms));
  return { rows, pages: data.pages, terms: data.terms };
}
