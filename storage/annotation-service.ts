// What the background does for the content scripts: every read and write of a page's annotations goes through
// here, so that all of them land in the extension's own database. Each call fails as a StorageError, whose
// bilingual message the page shows (the background's handlers in entrypoints/background.ts wire it to messages).
import type { AnnotationInput, AnnotationRecord, Coder, PageMetadata, Term } from '../model';
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

  /** `coder`: who is annotating in this browser (storage/coder.ts); the creator of the annotations made here. */
  constructor(
    private readonly db: PizhuDB,
    private readonly coder?: () => Promise<Coder>,
  ) {
    this.annotations = new AnnotationRepository(db);
    this.pages = new PageRepository(db);
    this.taxonomies = new TaxonomyRepository(db);
  }

  /** A page's annotations and the terms to show them with (every term, retired ones too: old annotations show them). */
  pageData(url: string): Promise<{ annotations: AnnotationRecord[]; terms: Term[] }> {
    return storing(async () => {
      await this.codebookInstalled();
      const [annotations, terms] = await Promise.all([this.annotations.listByPage(url), this.db.terms.toArray()]);
      return { annotations, terms };
    });
  }

  terms(): Promise<Term[]> {
    return storing(async () => {
      await this.codebookInstalled();
      return this.db.terms.toArray();
    });
  }

  /** One transaction for the page, its text (`snapshot`, with a page's first annotation) and the annotation. */
  save(annotation: AnnotationInput, page: PageMetadata, snapshot?: string): Promise<AnnotationRecord> {
    const { db } = this;
    return storing(async () => {
      // Whoever made an annotation keeps it (a teammate's, edited here); one that names nobody is this coder's.
      const coder = annotation.creator ?? (await this.coder?.());
      const record = coder ? { ...annotation, creator: { ...(coder.id ? { id: coder.id } : {}), name: coder.name } } : annotation;
      return db.transaction('rw', db.annotations, db.pages, async () => {
        await this.pages.upsert(page);
        if (snapshot !== undefined) await this.pages.keepSnapshot(page.url, snapshot);
        return this.annotations.put(record);
      });
    });
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
