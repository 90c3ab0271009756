// The stored texts of the pages the agreement report and the adjudication measure. The library's loader drops the
// texts (library/load.ts): 2,000 pages of them would weigh on every visit to the table. They are read here for the
// chosen pages only, a few dozen at a time with a yield between reads (a page's text can be a megabyte), and kept
// for the next report. A text, once stored, never changes (PageRepository.keepSnapshot), so a cached one stays
// true; a page without one is asked for again next time, since a visit may have stored it since.
import type { PizhuDB } from '../storage/db';
import { PageRepository, type PageText } from '../storage/pages';
import { yieldToPage } from './yield';

const BATCH = 50;

export interface TextsRead {
  /** The pages that have a stored text, in the order asked. */
  texts: PageText[];
  /** The pages asked for that have none: they cannot be measured. */
  missing: string[];
}

export class PageTextCache {
  private readonly known = new Map<string, PageText>();
  private readonly pages: PageRepository;

  constructor(db: PizhuDB) {
    this.pages = new PageRepository(db);
  }

  async read(urls: readonly string[], options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<TextsRead> {
    const wanted = urls.filter((u) => !this.known.has(u));
    for (let i = 0; i < wanted.length; i += BATCH) {
      options.signal?.throwIfAborted();
      for (const t of await this.pages.texts(wanted.slice(i, i + BATCH))) this.known.set(t.url, t);
      options.onProgress?.(Math.min(i + BATCH, wanted.length), wanted.length);
      await yieldToPage();
    }
    options.signal?.throwIfAborted();
    const texts: PageText[] = [];
    const missing: string[] = [];
    for (const u of urls) {
      const t = this.known.get(u);
      if (t) texts.push(t);
      else missing.push(u);
    }
    return { texts, missing };
  }
}
