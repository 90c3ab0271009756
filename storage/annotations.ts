// Annotation rows: what the side panel lists and what export reads. Every call is one transaction and fails as a
// StorageError (see errors.ts) with nothing half-written.
import Dexie from 'dexie';
import type { PizhuDB } from './db';
import { guard, StorageError } from './errors';
import { afterEdit } from '../exchange/foreign';
import type { AnnotationInput, AnnotationRecord, TextPosition } from '../model';

export class AnnotationRepository {
  constructor(private readonly db: PizhuDB) {}

  /** Creates or updates; `modified` becomes now, `created` stays what it was for an existing record. */
  put(input: AnnotationInput, now = new Date()): Promise<AnnotationRecord> {
    return guard(() =>
      this.db.transaction('rw', this.db.annotations, async () => {
        const existing = await this.db.annotations.get(input.id);
        const stamp = now.toISOString();
        const record: AnnotationRecord = afterEdit({
          ...input,
          terms: [...new Set(input.terms)],
          created: existing?.created ?? input.created ?? stamp,
          modified: stamp,
        });
        await this.db.annotations.put(record);
        return record;
      }),
    );
  }

  /**
   * Gives annotations that had no position (from other tools' files) the one they anchored at on a visit, so that
   * the next export carries a TextPositionSelector. Not an edit: `modified` stays. Returns how many were filled.
   */
  fillPositions(found: readonly { id: string; position: TextPosition }[]): Promise<number> {
    const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    const usable = found.filter((f) => whole(f.position.start) && whole(f.position.end) && f.position.start <= f.position.end);
    if (usable.length === 0) return Promise.resolve(0);
    return guard(() =>
      this.db.transaction('rw', this.db.annotations, async () => {
        const stored = await this.db.annotations.bulkGet(usable.map((f) => f.id));
        const filled = stored.flatMap((record, i) =>
          record && !record.position ? [{ ...record, position: { start: usable[i].position.start, end: usable[i].position.end } }] : [],
        );
        if (filled.length) await this.db.annotations.bulkPut(filled);
        return filled.length;
      }),
    );
  }

  get(id: string): Promise<AnnotationRecord | undefined> {
    return guard(() => this.db.annotations.get(id));
  }

  /** Returns the deleted record, for the UI's undo (see restore). */
  delete(id: string): Promise<AnnotationRecord | undefined> {
    return guard(() =>
      this.db.transaction('rw', this.db.annotations, async () => {
        const record = await this.db.annotations.get(id);
        if (record) await this.db.annotations.delete(id);
        return record;
      }),
    );
  }

  /** Puts a deleted record back exactly as it was, timestamps included. */
  restore(record: AnnotationRecord): Promise<void> {
    return guard(async () => {
      await this.db.annotations.put(record);
    });
  }

  /** A page's annotations in creation order. */
  listByPage(pageUrl: string): Promise<AnnotationRecord[]> {
    return guard(() => this.byPage(pageUrl).toArray());
  }

  /** A page's rows through the compound index: its leading part is the page, so no index on pageUrl alone is kept. */
  private byPage(pageUrl: string) {
    return this.db.annotations.where('[pageUrl+created]').between([pageUrl, Dexie.minKey], [pageUrl, Dexie.maxKey]);
  }

  count(filter: { pageUrl?: string } = {}): Promise<number> {
    return guard(() => (filter.pageUrl !== undefined ? this.byPage(filter.pageUrl).count() : this.db.annotations.count()));
  }

  /** Stores records as given (an import keeps their timestamps), all or none. */
  bulkPut(records: readonly AnnotationRecord[]): Promise<number> {
    return guard(() =>
      this.db.transaction('rw', this.db.annotations, async () => {
        await this.db.annotations.bulkPut([...records]);
        return records.length;
      }),
    );
  }

  /**
   * Makes `records` the only annotations of one coder (by creator IRI) on one page: the coder's other annotations
   * there are deleted, and of `records` only those that differ from what is stored are written (as given, their
   * timestamps kept), in one transaction. For a coder whose annotations on a page are made as a whole, as the
   * adjudication's consensus coder's are. Every record must be of that page and coder. Returns what was written and
   * the ids deleted.
   */
  replaceCoderPage(pageUrl: string, coderId: string, records: readonly AnnotationRecord[]): Promise<{ put: AnnotationRecord[]; removed: string[] }> {
    return guard(() =>
      this.db.transaction('rw', this.db.annotations, async () => {
        if (records.some((r) => r.pageUrl !== pageUrl || r.creator?.id !== coderId)) {
          throw new StorageError('invalid', '要保存的批注不属于这个页面或这位编码员，没有保存。', 'The annotations to save are not all of this page and coder, so nothing was saved.');
        }
        const stored = new Map((await this.byPage(pageUrl).toArray()).filter((a) => a.creator?.id === coderId).map((a) => [a.id, a]));
        const wanted = new Set(records.map((r) => r.id));
        const removed = [...stored.keys()].filter((id) => !wanted.has(id));
        const put = records.filter((r) => !sameRecord(stored.get(r.id), r));
        await this.db.annotations.bulkDelete(removed);
        await this.db.annotations.bulkPut([...put]);
        return { put, removed };
      }),
    );
  }

  /**
   * Every annotation, grouped by page and in creation order within a page, `size` at a time: each batch is its own
   * short read, so an export of 100,000 rows never holds more than one batch of them.
   */
  async *batches(size = 1000): AsyncGenerator<AnnotationRecord[]> {
    const index = '[pageUrl+created]';
    let last: [string, string] | undefined;
    // Ids already given out at key `last`: rows with the same page and timestamp are ordered by id in the index, so
    // resuming at `last` inclusive and skipping these continues exactly where the previous batch stopped.
    let givenAtLast = new Set<string>();
    for (;;) {
      const from = last;
      const skip = givenAtLast;
      const rows = await guard(() =>
        (from ? this.db.annotations.where(index).aboveOrEqual(from) : this.db.annotations.orderBy(index))
          .limit(size + skip.size)
          .toArray(),
      );
      const fresh = rows.filter((r) => !(from && r.pageUrl === from[0] && r.created === from[1] && skip.has(r.id)));
      const batch = fresh.slice(0, size);
      if (batch.length === 0) return;
      const tail = batch[batch.length - 1];
      const key: [string, string] = [tail.pageUrl, tail.created];
      const sameKey = from !== undefined && key[0] === from[0] && key[1] === from[1];
      givenAtLast = new Set(sameKey ? skip : []);
      for (const r of batch) if (r.pageUrl === key[0] && r.created === key[1]) givenAtLast.add(r.id);
      last = key;
      yield batch;
      if (batch.length < size) return;
    }
  }
}

/** Whether a stored record is the same as a new one (same fields, same values; key order aside). */
function sameRecord(stored: AnnotationRecord | undefined, record: AnnotationRecord): boolean {
  return stored !== undefined && canonical(stored) === canonical(record);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
