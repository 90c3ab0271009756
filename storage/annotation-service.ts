// What the background does for the content scripts: every read and write of a page's annotations goes through
// here, so that all of them land in the extension's own database. Each call fails as a StorageError, whose
// bilingual message the page shows (the background's handlers in entrypoints/background.ts wire it to messages).
import type { AnnotationInput, AnnotationRecord, Coder, PageMetadata, Term, TextPosition, TextStructure } from '../model';
import { AnnotationRepository } from './annotations';
import type { PizhuDB } from './db';
import { TaxonomyError } from '../taxonomy/errors';
import { toStorageError } from './errors';
import { PageRepository } from './pages';
import { TaxonomyRepository } from './taxonomies';

export class AnnotationService {
  private readonly annotations: AnnotationRepository;
  private readonly pages: PageRepository;
  private readonly taxonomies: TaxonomyRepository;
  private ready: Promise<unknown> | null = null;

  /** `coder`: who is annotating in this browser (storage/coder.ts); it becomes the creator of new annotations. */
  constructor(
    private readonly db: PizhuDB,
    private readonly coder: () => Promise<Coder>,
  ) {
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

  /** Keeps where annotations that came without a position anchored (code points); `modified` stays as it was. */
  learnPositions(positions: { id: string; position: TextPosition }[]): Promise<number> {
    return storing(() => this.annotations.fillPositions(positions));
  }

  /** A term named in the tag picker when none matched: added to the codebook's group of terms added while tagging
   * (a term of the same label is reused). A refused label says what is wrong itself (TaxonomyError). */
  addTerm(label: string): Promise<Term> {
    return storing(async () => {
      await this.codebookInstalled();
      return this.taxonomies.addTaggingTerm(label);
    });
  }

  terms(): Promise<Term[]> {
    return storing(async () => {
      await this.codebookInstalled();
      return this.db.terms.toArray();
    });
  }

  /**
   * One transaction for the page, its text (`snapshot`, with a page's first annotation, and the text's `structure`)
   * and the annotation. Whoever
   * made an annotation keeps it (a colleague's, imported); one that names nobody is this browser's coder's.
   */
  save(annotation: AnnotationInput, page: PageMetadata, snapshot?: string, structure?: TextStructure): Promise<AnnotationRecord> {
    const { db } = this;
    return storing(async () => {
      const creator = annotation.creator ?? (await this.coder());
      return db.transaction('rw', db.annotations, db.pages, async () => {
        await this.pages.upsert(page);
        if (snapshot !== undefined) await this.pages.keepSnapshot(page.url, snapshot, undefined, structure);
        return this.annotations.put({ ...annotation, creator: { ...(creator.id ? { id: creator.id } : {}), name: creator.name } });
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

  /**
   * The default codebook is installed on first use, once; a failed install is not remembered: the next call tries
   * again (one failed write at start-up once left every page without a tag button until a restart).
   */
  private codebookInstalled(): Promise<unknown> {
    this.ready ??= this.taxonomies.ensureDefault().catch((e: unknown) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }
}

/** Every failure leaves as a StorageError, with its code and bilingual message; a refused codebook change (empty,
 * too long) as the TaxonomyError that says what is wrong. */
async function storing<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (e) {
    throw e instanceof TaxonomyError ? e : toStorageError(e);
  }
}
