// What the background does for the content scripts: every read and write of a page's annotations goes through
// here, so that all of them land in the extension's own database. Each call fails as a StorageError, whose
// bilingual message the page shows (the background's handlers in entrypoints/background.ts wire it to messages).
import type { AnnotationInput, AnnotationRecord, PageMetadata, Term, TextStructure } from '../model';
import { AnnotationRepository } from './annotations';
import type { PizhuDB } from './db';
import { toStorageError } from './errors';
import { PageRepository } from './pages';
import { TaxonomyRepository } from './taxonomies';

export class AnnotationService {
  private readonly annotations: AnnotationRepository;
  private readonly pages: PageRepository;
  private readonly taxonomies: TaxonomyRepository;
  private ready: Promise<unknown> | null = null;

  constructor(private readonly db: PizhuDB) {
    this.annotations = new AnnotationRepository(db);
    this.pages = new PageRepository(db);
    this.taxonomies = new TaxonomyRepository(db);
  }

  /**
   * A page's annotations and the terms to show them with (every term, retired ones too: old annotations show them).
   * `textStored` says whether the page's text is kept: annotations that came by import or sync may sit on a page
   * whose text was never stored, and the content script then sends it (keepText) on this visit.
   */
  pageData(url: string): Promise<{ annotations: AnnotationRecord[]; terms: Term[]; textStored: boolean }> {
    return storing(async () => {
      await this.codebookInstalled();
      const [annotations, terms] = await Promise.all([this.annotations.listByPage(url), this.db.terms.toArray()]);
      const textStored = annotations.length === 0 || (await this.pages.get(url))?.snapshot !== undefined;
      return { annotations, terms, textStored };
    });
  }

  /** Keeps a page's text (and records the visit), for a page whose annotations came without it; a text kept
   * already stays. Returns whether this call stored it. */
  keepText(page: PageMetadata, text: string, structure?: TextStructure): Promise<boolean> {
    const { db } = this;
    return storing(() =>
      db.transaction('rw', db.pages, async () => {
        await this.pages.upsert(page);
        return this.pages.keepSnapshot(page.url, text, undefined, structure);
      }),
    );
  }

  terms(): Promise<Term[]> {
    return storing(async () => {
      await this.codebookInstalled();
      return this.db.terms.toArray();
    });
  }

  /** One transaction for the page, its text (`snapshot`, with a page's first annotation, and the text's
   * `structure`) and the annotation. */
  save(annotation: AnnotationInput, page: PageMetadata, snapshot?: string, structure?: TextStructure): Promise<AnnotationRecord> {
    const { db } = this;
    return storing(() =>
      db.transaction('rw', db.annotations, db.pages, async () => {
        await this.pages.upsert(page);
        if (snapshot !== undefined) await this.pages.keepSnapshot(page.url, snapshot, undefined, structure);
        return this.annotations.put(annotation);
      }),
    );
  }

  /** Returns the deleted record, for undo. */
  delete(id: string): Promise<AnnotationRecord | undefined> {
    return storing(() => this.annotations.delete(id));
  }

  restore(annotation: AnnotationRecord): Promise<AnnotationRecord> {
    return storing(async () => {
      await this.annotations.restore(annotation);
      return annotation;
    });
  }

  /** The default codebook is installed on first use, once; a failed install is tried again on the next call. */
  private codebookInstalled(): Promise<unknown> {
    this.ready ??= this.taxonomies.ensureDefault().catch((e: unknown) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }
}

/** Every failure leaves as a StorageError, with its code and bilingual message. */
async function storing<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (e) {
    throw toStorageError(e);
  }
}
