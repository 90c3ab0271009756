// The annotations of one open page, and every way they change: loaded and anchored, added, edited, deleted and
// undone, rolled back when a write fails, redrawn when the codebook changes elsewhere. Pure state: the database is
// reached through the injected `persist` service (the background, in the extension), and the page side (drawing,
// the picker, toasts) subscribes to changes. Writes are optimistic: a change shows at once and is stored after;
// the writes of a page go out one after another, so that the last state shown is the last state stored.
import { anchorMany } from '../anchoring/anchor';
import { codePointIndex, type CodePointIndex } from '../anchoring/code-points';
import { describeRange } from '../anchoring/describe';
import { byNotation, type AnnotationRecord, type Term, type TextPosition } from '../model';

/** Where an annotation anchored in the page text; null for an orphan (kept, listed apart, never deleted). */
export type Anchor = { start: number; end: number; method: 'exact' | 'position' | 'fuzzy' } | null;

export interface Entry {
  record: AnnotationRecord;
  anchor: Anchor;
}

/** The database, as the store needs it. Each call fails with an Error whose message the page can show. */
export interface PersistService {
  /** `withText`: the page's text goes with the first annotation stored on a page, and only then. */
  save(record: AnnotationRecord, withText: boolean): Promise<AnnotationRecord>;
  /** Returns the deleted record. */
  remove(id: string): Promise<AnnotationRecord | undefined>;
  restore(record: AnnotationRecord): Promise<AnnotationRecord>;
  /** Keeps where annotations that came without a position (from other tools' files) anchored on this visit. */
  learnPositions(positions: { id: string; position: TextPosition }[]): Promise<unknown>;
}

export type StoreEvent =
  /** Annotations or terms changed: redraw, tell the panels. */
  | { type: 'changed' }
  /** A write failed and the change was taken back: the page shows what the database holds, and says why. */
  | { type: 'write-failed'; error: unknown };

export interface PageContext {
  /** The page's main text, which every anchor is into. */
  text: string;
  /** Normalised page URL: the annotations' key. */
  pageUrl: string;
  /** The URL as the address bar shows it (the W3C `source`). */
  sourceUrl: string;
  now?: () => string;
}

export class AnnotationStore {
  private readonly records = new Map<string, AnnotationRecord>();
  private readonly anchors = new Map<string, Anchor>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private termsById = new Map<string, Term>();
  /** Sorted when first asked for (the picker): see indexTerms. */
  private offeredTerms: Term[] | null = null;
  private shortcuts = new Map<string, Term>();
  private writes: Promise<unknown> = Promise.resolve();
  /** Ids with a write queued or under way: what the page shows of them is newer than what is stored. */
  private readonly unsaved = new Map<string, number>();
  /** Whether the page's text is stored already (a page that came with annotations has it). */
  private textKept = false;
  /**
   * Stored positions count code points (the W3C model's characters); anchors are UTF-16 offsets into the text. Made
   * at the first annotation read or written: most pages have none, and the index is a pass over the whole text.
   */
  private unitIndex: CodePointIndex | undefined;
  private get units(): CodePointIndex {
    return (this.unitIndex ??= codePointIndex(this.page.text));
  }

  constructor(private readonly page: PageContext, private readonly persist: PersistService) {}

  // ── Reading ─────────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Takes the page's stored annotations and anchors them in the page text (one pass for all). An annotation from
   * elsewhere on the whole page (no quote) is listed, not drawn; one that came with a quote but no position gets
   * the position it anchored at, kept in the database for the next export.
   */
  load(annotations: readonly AnnotationRecord[], terms: readonly Term[]): void {
    for (const a of annotations) this.records.set(a.id, a);
    this.place(annotations);
    this.textKept = annotations.length > 0;
    this.indexTerms(terms);
  }

  /** Anchors these stored records anew (an orphan when it has no quote or is not found), learning missing positions. */
  private place(annotations: readonly AnnotationRecord[]): void {
    if (annotations.length === 0) return;
    const { units } = this;
    const quoted = annotations.filter((a) => a.quote);
    const found = anchorMany(this.page.text, quoted.map((a) => ({
      quote: a.quote!,
      position: a.position && { start: units.toUnit(a.position.start), end: units.toUnit(a.position.end) },
    })));
    for (const a of annotations) this.anchors.set(a.id, null);
    const learned: { id: string; position: TextPosition }[] = [];
    quoted.forEach((a, i) => {
      const f = found[i];
      if (!f) return;
      this.anchors.set(a.id, { start: f.start, end: f.end, method: f.method });
      if (a.position) return;
      const position = { start: units.toCodePoint(f.start), end: units.toCodePoint(f.end) };
      this.records.set(a.id, { ...a, position });
      learned.push({ id: a.id, position });
    });
    // Not kept this time: the next visit learns it again; nothing shown depends on it.
    if (learned.length) this.persist.learnPositions(learned).catch(() => {});
  }

  get size(): number {
    return this.records.size;
  }

  get(id: string): Entry | undefined {
    const record = this.records.get(id);
    return record && { record, anchor: this.anchors.get(id) ?? null };
  }

  /** Anchored ones in document order, then orphans in the order they were loaded. */
  entries(): Entry[] {
    const all = [...this.records.values()].map((record) => ({ record, anchor: this.anchors.get(record.id) ?? null }));
    return all.sort((a, b) => (a.anchor?.start ?? Infinity) - (b.anchor?.start ?? Infinity));
  }

  /** The annotations whose passages hold the text offset (passages may overlap). */
  containing(offset: number): Entry[] {
    const found: Entry[] = [];
    for (const [id, anchor] of this.anchors) {
      if (anchor && offset >= anchor.start && offset < anchor.end) found.push(this.get(id)!);
    }
    return found;
  }

  /** Every term, retired ones too (old annotations still show them). */
  terms(): Term[] {
    return [...this.termsById.values()];
  }

  term(id: string): Term | undefined {
    return this.termsById.get(id);
  }

  /** The terms offered for new tagging, by notation: retired ones are not. */
  offered(): Term[] {
    return (this.offeredTerms ??= [...this.termsById.values()].filter((term) => !term.retired).sort(byNotation));
  }

  /** The term whose one-key shortcut is `key`, among the offered ones. */
  termForKey(key: string): Term | undefined {
    return this.shortcuts.get(key.toLowerCase());
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── Changing ────────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The page's annotations as stored now, after they changed elsewhere (in the library, or a teammate's arrived, was
   * edited or deleted): each record is replaced, and anchored anew when it is new or its passage changed. An annotation whose
   * own change is still being written here keeps what the page shows.
   */
  replaceStored(annotations: readonly AnnotationRecord[], terms: readonly Term[]): void {
    const stored = new Map(annotations.map((a) => [a.id, a]));
    for (const id of [...this.records.keys()]) {
      if (!stored.has(id) && !this.unsaved.has(id)) {
        this.records.delete(id);
        this.anchors.delete(id);
      }
    }
    const moved = annotations.filter((a) => {
      if (this.unsaved.has(a.id)) return false;
      const before = this.records.get(a.id);
      this.records.set(a.id, a);
      return !before || !this.anchors.has(a.id) || JSON.stringify([before.quote, before.position]) !== JSON.stringify([a.quote, a.position]);
    });
    this.place(moved);
    if (annotations.length > 0) this.textKept = true;
    this.indexTerms(terms);
    this.emit({ type: 'changed' });
  }

  /** The codebook changed elsewhere (renamed, recoloured, retired, added): the page shows it without a reload. */
  setTerms(terms: readonly Term[]): void {
    this.indexTerms(terms);
    this.emit({ type: 'changed' });
  }

  /**
   * Applies `change` to the annotation `id`, creating it on `passage` when it is new (null: on the page as a whole);
   * shows it at once and stores it after. Returns the record as shown.
   */
  update(id: string, passage: { start: number; end: number } | null, change: (a: AnnotationRecord) => AnnotationRecord): AnnotationRecord {
    const before = this.records.get(id);
    const next = change(before ?? this.blank(id, passage));
    this.records.set(id, next);
    if (!before) this.anchors.set(id, passage && { ...passage, method: 'exact' });
    this.emit({ type: 'changed' });
    void this.queueSave(next, before);
    return next;
  }

  /** The note on the page as a whole (a report-level memo): the first annotation without a passage, if any. */
  pageNote(): AnnotationRecord | undefined {
    for (const record of this.records.values()) if (!record.quote) return record;
    return undefined;
  }

  /**
   * Writes the page's memo: made when there is none, changed when there is, deleted when `note` is blank (so that
   * no empty annotation is kept). Settles once stored; throws, with the memo as the database has it, when not.
   */
  async setPageNote(note: string, newId: () => string): Promise<AnnotationRecord | undefined> {
    const memo = this.pageNote();
    if (!note.trim()) {
      if (memo) await this.delete(memo.id);
      return undefined;
    }
    if (memo?.note === note) return memo;
    let failed: unknown = null;
    const unsubscribe = this.subscribe((event) => {
      if (event.type === 'write-failed') failed = event.error;
    });
    const shown = this.update(memo?.id ?? newId(), null, (a) => ({ ...a, note }));
    await this.settled();
    unsubscribe();
    if (failed) throw failed;
    return this.records.get(shown.id);
  }

  /**
   * Changes a stored annotation (anchored or orphan) from outside the page (the side panel): shown at once, and
   * settles once stored. A failed write puts it back as the database has it and rejects with the error, for the
   * one who asked to say why; the page is not told (it did not ask).
   */
  async edit(id: string, change: (a: AnnotationRecord) => AnnotationRecord): Promise<AnnotationRecord> {
    const before = this.records.get(id);
    if (!before) throw new Error(`No annotation ${id} on this page`);
    const next = change(before);
    this.records.set(id, next);
    this.emit({ type: 'changed' });
    return this.queueSave(next, before, true);
  }

  /**
   * Attaches an annotation (an orphan, whose passage is gone) to `passage`, where the user found its text now:
   * its quote and position become the passage's, and it is drawn there at once. A failed write puts it back where
   * it was (an orphan again) and rejects with the error.
   */
  async attach(id: string, passage: { start: number; end: number }): Promise<AnnotationRecord> {
    const before = this.records.get(id);
    if (!before) throw new Error(`No annotation ${id} on this page`);
    if (passage.start >= passage.end) throw new Error('An empty passage');
    const anchorBefore = this.anchors.get(id) ?? null;
    const { quote, position } = this.describe(passage);
    const next = { ...before, quote, position };
    this.records.set(id, next);
    this.anchors.set(id, { ...passage, method: 'exact' });
    this.emit({ type: 'changed' });
    try {
      return await this.queueSave(next, before, true);
    } catch (error) {
      if (this.records.has(id)) {
        this.anchors.set(id, anchorBefore);
        this.emit({ type: 'changed' });
      }
      throw error;
    }
  }

  /**
   * Deletes once the database has: a delete that fails leaves the annotation where it was (the error is thrown).
   * Returns the undo, which puts it back as it was, anchor and all.
   */
  async delete(id: string): Promise<() => Promise<void>> {
    const record = this.records.get(id);
    if (!record) return async () => {};
    const anchor = this.anchors.get(id) ?? null;
    await this.persist.remove(id);
    this.records.delete(id);
    this.anchors.delete(id);
    this.emit({ type: 'changed' });
    return async () => {
      this.records.set(id, record);
      this.anchors.set(id, anchor);
      this.emit({ type: 'changed' });
      try {
        await this.persist.restore(record);
      } catch (error) {
        this.records.delete(id);
        this.anchors.delete(id);
        this.emit({ type: 'changed' });
        throw error;
      }
    };
  }

  /** Settles when every write queued so far has been stored or rolled back. */
  settled(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  // ── Inside ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** A new annotation on `passage` (or on the whole page); its creator is set where it is stored (the background knows
   * the coder). */
  private blank(id: string, passage: { start: number; end: number } | null): AnnotationRecord {
    const now = this.page.now?.() ?? new Date().toISOString();
    return {
      id,
      pageUrl: this.page.pageUrl,
      sourceUrl: this.page.sourceUrl,
      ...(passage && this.describe(passage)),
      terms: [],
      note: '',
      created: now,
      modified: now,
    };
  }

  /** A passage's quote (with its context) and its position in code points, as an annotation stores them. */
  private describe(passage: { start: number; end: number }): Pick<AnnotationRecord, 'quote' | 'position'> {
    const { quote, position } = describeRange(this.page.text, passage.start, passage.end);
    return { quote, position: { start: this.units.toCodePoint(position.start), end: this.units.toCodePoint(position.end) } };
  }

  /**
   * Queues the write of `next`; the promise settles with the stored record, or rejects once the change is taken
   * back. `quiet`: the caller says why itself, so no 'write-failed' goes to the page. Until it settles the record
   * counts as unsaved, so that what arrives from the database meanwhile (replaceStored) does not undo it on screen.
   */
  private queueSave(next: AnnotationRecord, before: AnnotationRecord | undefined, quiet = false): Promise<AnnotationRecord> {
    const id = next.id;
    this.unsaved.set(id, (this.unsaved.get(id) ?? 0) + 1);
    const settled = () => {
      const left = (this.unsaved.get(id) ?? 1) - 1;
      if (left > 0) this.unsaved.set(id, left);
      else this.unsaved.delete(id);
    };
    const done = this.writes.then(async () => {
      try {
        const stored = await this.persist.save(next, !this.textKept);
        this.textKept = true;
        // Deleted meanwhile: the delete wins.
        if (this.records.has(stored.id)) this.records.set(stored.id, stored);
        this.emit({ type: 'changed' });
        return stored;
      } catch (error) {
        // Nothing stored changed: show the page as the database has it.
        if (before) {
          if (this.records.has(before.id)) this.records.set(before.id, before);
        } else {
          this.records.delete(next.id);
          this.anchors.delete(next.id);
        }
        this.emit({ type: 'changed' });
        if (!quiet) this.emit({ type: 'write-failed', error });
        throw error;
      }
    }).finally(settled);
    // The queue goes on after a failure; the caller's promise carries it.
    this.writes = done.catch(() => undefined);
    if (!quiet) done.catch(() => {});
    return done;
  }

  /**
   * Every page indexes the codebook as it loads, and few open the picker: the offered terms are sorted when first
   * asked for. Sorting by notation takes a collator, whose first use in a page's process loaded the locale's
   * collation data during the page's load (7.6 ms in a fresh renderer, more than the whole scan of a small report).
   */
  private indexTerms(terms: readonly Term[]): void {
    this.termsById = new Map(terms.map((term) => [term.id, term]));
    this.offeredTerms = null;
    this.shortcuts = new Map();
    for (const term of terms) {
      if (term.retired || !term.shortcut) continue;
      const key = term.shortcut.toLowerCase();
      const other = this.shortcuts.get(key);
      // Two terms with one key: the later by notation has it, as in the picker's list read top to bottom.
      if (!other || byNotation(term, other) > 0) this.shortcuts.set(key, term);
    }
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
