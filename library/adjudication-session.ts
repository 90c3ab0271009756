// The library's adjudication: the disagreements of the chosen coders on the chosen pages (agreement/adjudication.ts),
// the decisions kept in the database (storage/resolutions.ts), and the consensus coder's annotations written as the
// decisions are made. One session per choice of coders, pages and terms; it holds the chosen pages' annotations and
// texts, and every decision goes through it, one at a time, so that two quick clicks cannot write over each other.
//
// When a page's consensus is written: at each decision on the page (its agreed passages and every passage decided so
// far), and for pages without any disagreement when the user asks (writeAgreed). A decision whose passage has
// changed since (another annotation, a moved span) matches no disagreement any more: the passage comes back open,
// and the old decision is dropped the next time the page is written.
import {
  adjudicatePage, adjudicationProgress, consensusCoderId,
  type AdjudicationProgress, type Coder, type PageAdjudication, type Resolution,
} from '../agreement';
import type { AnnotationRecord } from '../model';
import type { PizhuDB } from '../storage/db';
import { ResolutionRepository } from '../storage/resolutions';
import type { PageText } from '../storage/pages';
import type { AgreementChoice } from './agreement-report';
import type { PageTextCache } from './page-texts';
import { yieldToPage } from './yield';

const SLICE_MS = 10;

export interface AdjudicationOpenOptions {
  /** The name the consensus coder gets if it has none yet (its stored annotations keep theirs). */
  consensusName: string;
  signal?: AbortSignal;
  onProgress?: (stage: 'texts' | 'pages', done: number, total: number) => void;
  now?: () => Date;
}

export interface AnnotationChange {
  put: AnnotationRecord[];
  removed: string[];
}

export class AdjudicationSession {
  /** Pages with a stored text that two or more of the coders coded, in the order chosen. */
  pages: PageAdjudication[];
  /** Chosen pages without a stored text: they cannot be adjudicated. */
  readonly missingText: string[];
  /** Decisions that no longer match a disagreement when the session opened (their passages changed). */
  readonly staleAtOpen: number;
  private resolutions: Map<string, Resolution>;
  private readonly byPage: Map<string, AnnotationRecord[]>;
  private readonly texts: Map<string, PageText>;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly repository: ResolutionRepository,
    readonly consensus: Coder,
    private readonly choice: AgreementChoice,
    state: {
      pages: PageAdjudication[]; missingText: string[]; resolutions: Map<string, Resolution>;
      byPage: Map<string, AnnotationRecord[]>; texts: Map<string, PageText>;
    },
    private readonly now: () => Date,
  ) {
    this.pages = state.pages;
    this.missingText = state.missingText;
    this.resolutions = state.resolutions;
    this.byPage = state.byPage;
    this.texts = state.texts;
    this.staleAtOpen = state.pages.reduce((s, p) => s + p.stale.length, 0);
  }

  static async open(
    db: PizhuDB,
    texts: PageTextCache,
    annotations: readonly AnnotationRecord[],
    choice: AgreementChoice,
    options: AdjudicationOpenOptions,
  ): Promise<AdjudicationSession> {
    const now = options.now ?? (() => new Date());
    const id = await consensusCoderId(choice.coders.map((c) => c.id));
    const chosen = new Set(choice.pages);
    const byPage = new Map<string, AnnotationRecord[]>();
    let storedName: string | undefined;
    for (const a of annotations) {
      if (!chosen.has(a.pageUrl)) continue;
      let list = byPage.get(a.pageUrl);
      if (!list) byPage.set(a.pageUrl, (list = []));
      list.push(a);
      if (a.creator?.id === id && a.creator.name) storedName ??= a.creator.name;
    }
    const consensus: Coder = { id, name: storedName ?? options.consensusName };
    const repository = new ResolutionRepository(db);
    const resolutions = await repository.forConsensus(id);
    const read = await texts.read(choice.pages, {
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.('texts', done, total),
    });
    const pages: PageAdjudication[] = [];
    const stamp = now().toISOString();
    let sliceStart = performance.now();
    for (const [i, page] of read.texts.entries()) {
      options.signal?.throwIfAborted();
      const result = await adjudicatePage(
        { page, coders: choice.coders, annotations: byPage.get(page.url) ?? [], terms: choice.terms },
        resolutions,
        { consensus, now: stamp },
      );
      if (result.coders.length >= 2) pages.push(result);
      options.onProgress?.('pages', i + 1, read.texts.length);
      // A page of many disagreements takes a few milliseconds: pause every slice of work, not every n pages.
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
    return new AdjudicationSession(repository, consensus, choice, {
      pages, missingText: read.missing, resolutions, byPage, texts: new Map(read.texts.map((t) => [t.url, t])),
    }, now);
  }

  /** A page's stored text, for the passages' context. */
  textOf(pageUrl: string): string | undefined {
    return this.texts.get(pageUrl)?.text;
  }

  progress(): AdjudicationProgress {
    return adjudicationProgress(this.pages);
  }

  /** Pages with no disagreement whose consensus differs from what is stored (none stored, or out of date). */
  agreedToWrite(): PageAdjudication[] {
    return this.pages.filter((p) => p.items.length === 0 && !this.storedConsensusIs(p));
  }

  /**
   * Decides one disagreement (or reopens it, with null) and writes the page's consensus. Returns the page as it is
   * now and what changed among the annotations, for the library's table.
   */
  decide(pageUrl: string, key: string, resolution: Resolution | null): Promise<{ page: PageAdjudication; change: AnnotationChange }> {
    return this.serial(async () => {
      const next = new Map(this.resolutions);
      if (resolution) next.set(key, resolution);
      else next.delete(key);
      const written = await this.write(pageUrl, next, resolution ? { key, resolution } : undefined, resolution ? [] : [key]);
      this.resolutions = next;
      return written;
    });
  }

  /** Writes the consensus of the pages without disagreements (their agreed passages). */
  writeAgreed(onProgress?: (done: number, total: number) => void): Promise<AnnotationChange> {
    return this.serial(async () => {
      const todo = this.agreedToWrite();
      const all: AnnotationChange = { put: [], removed: [] };
      for (const [i, p] of todo.entries()) {
        const { change } = await this.write(p.pageUrl, this.resolutions, undefined, []);
        all.put.push(...change.put);
        all.removed.push(...change.removed);
        onProgress?.(i + 1, todo.length);
        await yieldToPage();
      }
      return all;
    });
  }

  /** Writes the page's consensus under these decisions (and `decide`), dropping the page's stale ones from them. */
  private async write(
    pageUrl: string,
    resolutions: Map<string, Resolution>,
    decide: { key: string; resolution: Resolution } | undefined,
    forget: string[],
  ): Promise<{ page: PageAdjudication; change: AnnotationChange }> {
    const text = this.texts.get(pageUrl);
    if (!text) throw new RangeError(`No stored text for ${pageUrl}`);
    const now = this.now();
    const page = await adjudicatePage(
      { page: text, coders: this.choice.coders, annotations: this.byPage.get(pageUrl) ?? [], terms: this.choice.terms },
      resolutions,
      { consensus: this.consensus, now: now.toISOString() },
    );
    const change = await this.repository.settle({
      consensus: this.consensus.id,
      pageUrl,
      decide,
      forget: [...forget, ...page.stale],
      consensusAnnotations: page.consensus,
      now,
    });
    for (const k of page.stale) resolutions.delete(k);
    this.apply(pageUrl, change);
    const i = this.pages.findIndex((p) => p.pageUrl === pageUrl);
    const settled = { ...page, stale: [] };
    if (i >= 0) this.pages = this.pages.map((p, j) => (j === i ? settled : p));
    return { page: settled, change };
  }

  private apply(pageUrl: string, change: AnnotationChange): void {
    const gone = new Set([...change.removed, ...change.put.map((a) => a.id)]);
    this.byPage.set(pageUrl, [...(this.byPage.get(pageUrl) ?? []).filter((a) => !gone.has(a.id)), ...change.put]);
  }

  private storedConsensusIs(page: PageAdjudication): boolean {
    const stored = (this.byPage.get(page.pageUrl) ?? []).filter((a) => a.creator?.id === this.consensus.id);
    if (stored.length !== page.consensus.length) return false;
    // A consensus record equal to the stored one keeps its `modified` (agreement/adjudication.ts).
    const modified = new Map(stored.map((a) => [a.id, a.modified]));
    return page.consensus.every((a) => modified.get(a.id) === a.modified);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
