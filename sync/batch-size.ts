// How many documents the engine reads from the replica at a time. Large batches make a first sync fast (each
// batch is one transaction over eight tables: in a first sync of 100,000 annotations, the engine reading 2,000 at a
// time finished 16 s after the pull, 5,000 at a time with it); but a page's document carries the page's whole text,
// and a team's pages come in runs (a coder's first upload sends them table by table), so a count alone could hold
// hundreds of megabytes in the worker. The batch is sized by what the last one weighed: as many documents as fit in
// BATCH_WEIGHT at that rate.

/** The most documents in one batch, and the fewest. */
export const MAX_BATCH = 5000;
export const MIN_BATCH = 50;
/** The first batch, before anything was weighed. */
export const FIRST_BATCH = 500;
/** What a batch may weigh, in UTF-16 code units of text (about twice as many bytes in memory). */
export const BATCH_WEIGHT = 8_000_000;
/** A document's weight besides its long texts: ids, revisions, the fields of an annotation. */
const BASE_WEIGHT = 1000;

interface Weighable {
  data?: unknown;
}

const textLength = (value: unknown): number => (typeof value === 'string' ? value.length : 0);

/** About how much text a document holds: its page text, note and quote are what can be long. */
export function docWeight(doc: Weighable): number {
  const data = doc.data as { snapshot?: unknown; note?: unknown; quote?: { exact?: unknown } } | undefined;
  if (!data || typeof data !== 'object') return BASE_WEIGHT;
  return BASE_WEIGHT + textLength(data.snapshot) + textLength(data.note) + textLength(data.quote?.exact);
}

/**
 * The next batch's size, from the documents of the last one and its size: what fits in BATCH_WEIGHT at their average
 * weight, growing at most fourfold a batch (a light run may end at any document).
 */
export function nextBatchSize(last: readonly Weighable[], size: number): number {
  if (last.length === 0) return size;
  const average = last.reduce((sum, doc) => sum + docWeight(doc), 0) / last.length;
  const fits = Math.floor(BATCH_WEIGHT / average);
  return Math.max(MIN_BATCH, Math.min(MAX_BATCH, size * 4, fits));
}
