// Page rows: what recognition found about a page, when it was seen, and the main text as it was when the page was
// first annotated.
import type { PizhuDB } from './db';
import { docNumberKey } from './doc-number-key';
import { guard, notFound } from './errors';
import type { PageMetadata, PageRecord, TextStructure } from '../model';
import { checkStructure } from '../reading/structure';

/** A page's stored text with what the report's outline needs (the title helps find the report's title line). */
export interface PageText {
  url: string;
  title: string;
  text: string;
}

const METADATA_FIELDS = ['url', 'title', 'kind', 'docNumber', 'issuer', 'published'] as const satisfies readonly (keyof PageMetadata)[];

export class PageRepository {
  constructor(private readonly db: PizhuDB) {}

  /**
   * Records a visit: creates the page or updates its metadata and lastSeen. A field recognition did not find this
   * time keeps its earlier value, since a later visit may see a page that failed to load fully.
   */
  async upsert(meta: PageMetadata, now = new Date()): Promise<PageRecord> {
    return (await this.upsertMany([meta], now))[0];
  }

  /** Many visits at once (an import brings thousands of pages): one read and one write for all of them. */
  upsertMany(metas: readonly PageMetadata[], now = new Date()): Promise<PageRecord[]> {
    return guard(() =>
      this.db.transaction('rw', this.db.pages, async () => {
        const stamp = now.toISOString();
        const existing = await this.db.pages.bulkGet(metas.map((m) => m.url));
        const pages = metas.map((meta, i) => {
          const before = existing[i];
          const found = Object.fromEntries(
            METADATA_FIELDS.filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]]),
          ) as PageMetadata;
          const page: PageRecord = { ...before, ...found, firstSeen: before?.firstSeen ?? stamp, lastSeen: stamp };
          if (page.docNumber) page.docNumberKey = docNumberKey(page.docNumber);
          return page;
        });
        await this.db.pages.bulkPut(pages);
        return pages;
      }),
    );
  }

  get(url: string): Promise<PageRecord | undefined> {
    return guard(() => this.db.pages.get(url));
  }

  /**
   * Keeps the main text the first time a page is annotated; later calls leave it alone, so that annotations stay
   * anchored to the text they were made on. Returns whether this call stored it. `structure`, the page's layout of
   * the text, is kept with it when it fits the text and its bounds (it comes from a content script, which a hostile
   * page hosts); without it the reader reads the structure from the text.
   */
  keepSnapshot(url: string, mainText: string, now = new Date(), structure?: TextStructure): Promise<boolean> {
    return guard(() =>
      this.db.transaction('rw', this.db.pages, async () => {
        const page = await this.db.pages.get(url);
        if (!page) throw notFound({ zh: `页面记录：${url}`, en: `page record ${url}` });
        if (page.snapshot !== undefined) return false;
        const kept = structure && checkStructure(mainText, structure);
        await this.db.pages.update(url, { snapshot: mainText, snapshotAt: now.toISOString(), ...(kept ? { snapshotStructure: kept } : {}) });
        return true;
      }),
    );
  }

  /**
   * keepSnapshot for many pages at once (an import brings their texts): a page that has a text keeps it. The pages
   * must exist. Returns the URLs whose text this call stored.
   */
  keepSnapshots(entries: readonly { url: string; text: string }[], now = new Date()): Promise<string[]> {
    return guard(() =>
      this.db.transaction('rw', this.db.pages, async () => {
        const stored = await this.db.pages.bulkGet(entries.map((e) => e.url));
        const stamp = now.toISOString();
        const fresh = entries.filter((e, i) => stored[i] && stored[i]!.snapshot === undefined);
        await this.db.pages.bulkUpdate(fresh.map((e) => ({ key: e.url, changes: { snapshot: e.text, snapshotAt: stamp } })));
        return fresh.map((e) => e.url);
      }),
    );
  }

  /**
   * The stored texts (snapshots) of some pages, in the order asked, for the pages that have one: what the agreement
   * report and the adjudication measure. The library's loader drops the texts; this reads them for the pages chosen
   * only. A page not listed in the answer has no stored text (or no record).
   */
  texts(urls: readonly string[]): Promise<PageText[]> {
    return guard(async () => {
      const stored = await this.db.pages.bulkGet([...urls]);
      const out: PageText[] = [];
      for (const p of stored) if (p && typeof p.snapshot === 'string') out.push({ url: p.url, title: p.title, text: p.snapshot });
      return out;
    });
  }

  /** Pages whose document number is this one however it is written (brackets, full-width digits, leading zeros). */
  findByDocNumber(docNumber: string): Promise<PageRecord[]> {
    return guard(() => this.db.pages.where('docNumberKey').equals(docNumberKey(docNumber)).toArray());
  }

  /** Most recently seen first. */
  recent(limit = 50): Promise<PageRecord[]> {
    return guard(() => this.db.pages.orderBy('lastSeen').reverse().limit(limit).toArray());
  }
}
