// The background's side of the annotation messages: every read and write of the content scripts goes through here,
// so that all of them land in the extension's own database. Replies carry a StorageError's bilingual message.
import type { DataReply, DataRequest, PageData } from '../messaging/annotations';
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

  async handle(request: DataRequest): Promise<DataReply<unknown>> {
    try {
      return { ok: true, value: await this.run(request) };
    } catch (e) {
      const error = toStorageError(e);
      return { ok: false, error: { code: error.code, zh: error.zh, en: error.en } };
    }
  }

  private async run(request: DataRequest): Promise<unknown> {
    switch (request.type) {
      case 'pizhu:data:page':
        return this.pageData(request.url);
      case 'pizhu:data:save': {
        // One transaction for the page, its snapshot and the annotation: either all are stored or none.
        const { db } = this;
        return db.transaction('rw', db.annotations, db.pages, async () => {
          await this.pages.upsert(request.page);
          if (request.snapshot !== undefined) await this.pages.keepSnapshot(request.page.url, request.snapshot);
          return this.annotations.put(request.annotation);
        });
      }
      case 'pizhu:data:delete':
        return this.annotations.delete(request.id);
      case 'pizhu:data:restore':
        await this.annotations.restore(request.annotation);
        return request.annotation;
    }
  }

  private async pageData(url: string): Promise<PageData> {
    // The default codebook is installed on first use, once; a failed install is not remembered: the next request
    // tries again (one failed write at start-up once left every page without a tag button until a restart).
    this.ready ??= this.taxonomies.ensureDefault().catch((e: unknown) => {
      this.ready = null;
      throw e;
    });
    await this.ready;
    const [annotations, terms] = await Promise.all([this.annotations.listByPage(url), this.db.terms.toArray()]);
    return { annotations, terms };
  }
}
