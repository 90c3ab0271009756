// Importing an annotation file, in the two steps the page shows: `previewImport` reads and checks the file and says
// what it would change (new / already present / changed), touching nothing; `applyImport` writes it, annotations,
// pages and imported terms together in one transaction, so that a failure or a cancel leaves the database exactly
// as it was.
import { diffImport, type ImportDiff } from '../exchange/import-diff';
import type { ImportedTerm, ImportNotices, ParseResult } from '../exchange/jsonld-import';
import { AnnotationRepository } from '../storage/annotations';
import type { PizhuDB } from '../storage/db';
import { toStorageError } from '../storage/errors';
import type { Agent, AnnotationRecord, PageMetadata, PageRecord } from '../model';
import { PageRepository } from '../storage/pages';
import { TaxonomyRepository } from '../storage/taxonomies';
import { isAbort } from './abort';
import { planImportedTerms } from './imported-terms';
import { LIBRARY_MAX_IMPORT_BYTES, megabytes } from './limits';
import { yieldToPage } from './yield';

export interface ParsedImport {
  annotations: AnnotationRecord[];
  pages: Partial<PageRecord>[];
  importedTerms: ImportedTerm[];
  warnings: string[];
  /** What the reading changed, for the preview to say (see exchange/jsonld-import.ts). */
  notices: ImportNotices;
}

export interface ImportPreview extends ImportDiff {
  total: number;
  pages: number;
  /** Terms the database does not know yet: they go into the taxonomy's imported group. */
  newTerms: number;
  /** Annotations that say nobody made them and were credited to nobody here: the user is asked whose they are. */
  uncredited: number;
}

/** A problem with the file, said in both languages; `detail` is the parser's own words (English, with the place). */
export class ImportFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly details: string[] = [],
  ) {
    super(en);
    this.name = 'ImportFileError';
  }
}

export function checkSize(bytes: number, limit = LIBRARY_MAX_IMPORT_BYTES): void {
  if (bytes > limit) {
    throw new ImportFileError(
      `文件太大（${megabytes(bytes)}）：批注最多读取 ${megabytes(limit)} 的文件。数据库没有改动。`,
      `The file is too large (${megabytes(bytes)}): Pizhu reads files of up to ${megabytes(limit)}. Nothing was changed.`,
    );
  }
}

/** Turns the parser's result into records, or an ImportFileError that names what is wrong. */
export function fromParseResult(result: ParseResult): ParsedImport {
  if (result.ok) return result;
  const first = result.errors[0] ?? '';
  const notJson = /not valid JSON|file is empty/.test(first);
  const truncated = /truncated/.test(first);
  const badDate = /expected an ISO 8601 date-time/.test(first);
  const zh = truncated
    ? '文件不完整（像是被截断了），无法导入。数据库没有改动。'
    : badDate
      ? '文件中有无法识别的日期（应为 ISO 8601 格式，例如 2024-03-05T10:00:00Z），无法导入。数据库没有改动。'
      : notJson
      ? '文件不是 JSON，无法导入。数据库没有改动。'
      : '文件不是可以导入的 W3C 批注（JSON-LD）。数据库没有改动。';
  const en = truncated
    ? 'The file is incomplete (it looks truncated) and cannot be imported. Nothing was changed.'
    : badDate
      ? 'The file has dates Pizhu cannot read (ISO 8601 is expected, such as 2024-03-05T10:00:00Z), so it cannot be imported. Nothing was changed.'
      : notJson
      ? 'The file is not JSON and cannot be imported. Nothing was changed.'
      : 'The file is not W3C annotation JSON-LD that Pizhu can import. Nothing was changed.';
  return fail(zh, en, result.errors);
}

function fail(zh: string, en: string, details: string[]): never {
  throw new ImportFileError(zh, en, details);
}

const COMPARE_BATCH = 5000;

/**
 * The stored versions of a batch of annotations, whose ids come sorted. One range read between the first and the
 * last id costs a single request where a lookup by id costs one each (100,000 lookups took 6 s); it pays when the
 * stored rows in that range are mostly the file's own, as when a large file comes back. When the range holds many
 * other rows too (a small file into a large library), the read stops early and the lookup by id takes over.
 */
async function storedVersions(db: PizhuDB, sorted: readonly AnnotationRecord[]): Promise<Map<string, AnnotationRecord>> {
  const limit = sorted.length * 2;
  const first = sorted[0].id;
  const last = sorted[sorted.length - 1].id;
  const inRange = await db.annotations.where(':id').between(first, last, true, true).limit(limit + 1).toArray();
  const stored = inRange.length <= limit ? inRange : await db.annotations.bulkGet(sorted.map((a) => a.id));
  const byId = new Map<string, AnnotationRecord>();
  for (const s of stored) if (s) byId.set(s.id, s);
  return byId;
}

/** Compares the file's annotations with the stored ones by id, a batch at a time, in id order. */
export async function previewImport(
  db: PizhuDB,
  parsed: ParsedImport,
  options: { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<ImportPreview> {
  const total: ImportDiff = { new: 0, unchanged: 0, changed: 0, changedIds: [], unchangedIds: [], credited: new Map() };
  try {
    // Into an empty library (a new profile, a restore by import) everything is new: no need to look each id up.
    const empty = (await db.annotations.count()) === 0;
    if (empty) total.new = parsed.annotations.length;
    const sorted = empty ? [] : [...parsed.annotations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 0; i < sorted.length; i += COMPARE_BATCH) {
      options.signal?.throwIfAborted();
      const chunk = sorted.slice(i, i + COMPARE_BATCH);
      const diff = diffImport(chunk, await storedVersions(db, chunk));
      total.new += diff.new;
      total.unchanged += diff.unchanged;
      total.changed += diff.changed;
      for (const id of diff.changedIds) total.changedIds.push(id);
      for (const id of diff.unchangedIds) total.unchangedIds.push(id);
      for (const [id, agent] of diff.credited) total.credited.set(id, agent);
      options.onProgress?.(i + chunk.length);
      await yieldToPage();
    }
    const termIds = parsed.importedTerms.map((t) => t.id);
    const knownTerms = termIds.length ? await db.terms.bulkGet(termIds) : [];
    return {
      ...total,
      total: parsed.annotations.length,
      pages: parsed.pages.length,
      newTerms: knownTerms.filter((t) => !t).length,
      uncredited: parsed.annotations.filter((a) => !a.creator && !total.credited.has(a.id)).length,
    };
  } catch (e) {
    if (isAbort(e, options.signal)) throw e;
    throw toStorageError(e);
  }
}

/** A page as the file describes it, for PageRepository.upsert: fields the file leaves out keep their stored value. */
function pageMetadata(page: Partial<PageRecord>, exists: boolean): PageMetadata {
  const meta = { ...page } as PageMetadata;
  // A new page needs a title and a kind; a known one keeps what it has.
  if (!exists) {
    meta.title ??= '';
    meta.kind ??= 'none';
  }
  return meta;
}

// Each batch's put requests are issued (and their records cloned) in one task of the page. Issuing costs about
// 40 µs a record in Chromium, so 1,000 keeps that task near 40 ms (2,000 gave tasks of up to 190 ms) at no cost
// in total time, since the next batch is always queued while one is written.
const WRITE_BATCH = 1_000;

export interface ImportOutcome {
  /** Annotations written: new ones and changed ones. */
  annotations: number;
  /** Annotations left alone because they were stored exactly as the file has them. */
  unchanged: number;
  pages: number;
  terms: number;
}

export interface ApplyOptions {
  signal?: AbortSignal;
  /** Annotations written so far, of `total` to write. */
  onProgress?: (done: number, total: number) => void;
  now?: Date;
  /**
   * The preview's `unchangedIds`: these are stored exactly as in the file and are not written again, so that
   * importing a colleague's file a second time costs a comparison, not 100,000 writes. Should one of them have been
   * edited here since the preview, the edit is kept, as if it had been made after the import.
   */
  unchanged?: ReadonlySet<string>;
  /** The preview's `credited`: annotations the file credits to nobody keep the coder they have here. */
  credited?: ReadonlyMap<string, Agent>;
  /** Whose the other annotations that say nobody made them are, as the user answered in the preview. */
  coder?: Agent;
}

/** The file's annotations with a creator each where the file gives none (item 8 of exchange/jsonld-import.ts). */
export function credit(annotations: readonly AnnotationRecord[], options: Pick<ApplyOptions, 'credited' | 'coder'>): AnnotationRecord[] {
  return annotations.map((a) => {
    if (a.creator) return a;
    const creator = options.credited?.get(a.id) ?? options.coder;
    return creator ? { ...a, creator } : a;
  });
}

/**
 * Writes the file in one transaction. Annotations go in batches (each batch's request completes in a task of its
 * own, which lets the page paint a progress bar), and a cancel between batches aborts the whole transaction.
 */
export async function applyImport(db: PizhuDB, parsed: ParsedImport, options: ApplyOptions = {}): Promise<ImportOutcome> {
  const annotations = new AnnotationRepository(db);
  const pages = new PageRepository(db);
  const taxonomies = new TaxonomyRepository(db);
  const now = options.now ?? new Date();
  try {
    return await db.transaction('rw', [db.annotations, db.pages, db.taxonomies, db.terms], async () => {
      const current = await taxonomies.ensureDefault();
      const known = new Set(await db.terms.toCollection().primaryKeys());
      const plan = planImportedTerms(current, known, parsed.importedTerms, now);
      if (plan) await taxonomies.put(plan);

      const urls = parsed.pages.map((p) => p.url).filter((u): u is string => typeof u === 'string');
      const stored = await db.pages.bulkGet(urls);
      const exists = new Set(stored.filter((p) => p).map((p) => p!.url));
      await pages.upsertMany(
        parsed.pages.filter((p) => typeof p.url === 'string').map((p) => pageMetadata(p, exists.has(p.url!))),
        now,
      );
      // A page's text that came with the file (a REFI-QDA project's sources) is kept where none is stored yet.
      const texts = parsed.pages.flatMap((p) => (typeof p.url === 'string' && typeof p.snapshot === 'string' ? [{ url: p.url, text: p.snapshot }] : []));
      if (texts.length) await pages.keepSnapshots(texts, now);

      const skip = options.unchanged;
      const toWrite = credit(skip?.size ? parsed.annotations.filter((a) => !skip.has(a.id)) : parsed.annotations, options);
      // One batch is always queued behind the one being written, so IndexedDB never waits for the page; between
      // issuing batches the page gets its turn.
      let done = 0;
      let writing: Promise<number> | undefined;
      for (let i = 0; i < toWrite.length; i += WRITE_BATCH) {
        options.signal?.throwIfAborted();
        const next = annotations.bulkPut(toWrite.slice(i, i + WRITE_BATCH));
        // A cancel leaves the queued batch unawaited: its rejection (the aborted transaction) is expected.
        next.catch(() => {});
        if (writing) {
          done += await writing;
          options.onProgress?.(done, toWrite.length);
        }
        writing = next;
      }
      if (writing) {
        done += await writing;
        options.onProgress?.(done, toWrite.length);
      }
      return { annotations: done, unchanged: parsed.annotations.length - toWrite.length, pages: urls.length, terms: plan?.terms.length ?? 0 };
    });
  } catch (e) {
    if (isAbort(e, options.signal)) throw options.signal!.reason;
    throw toStorageError(e);
  }
}
