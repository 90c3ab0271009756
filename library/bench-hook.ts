// A test hook for scripts/bench/library.mjs, installed only when the page is opened with ?bench=1: it fills the
// database with a synthetic library and times each export and the import with the very functions the page's
// buttons use, in the page itself (so the timings include IndexedDB, the worker and the page's own event loop);
// then, on a library of two coders' work, the agreement report as the Agreement tab makes it.
import type { PizhuDB } from '../storage/db';
import { TaxonomyRepository } from '../storage/taxonomies';
import { AdjudicationSession } from './adjudication-session';
import { coderOptions, defaultCoderIds, defaultPages } from './agreement-coders';
import { AgreementCache, libraryAgreementReport } from './agreement-report';
import { csvBlob, jsonLdBlob } from './export-files';
import { applyImport, previewImport } from './import-file';
import { loadLibrary, type LibraryData } from './load';
import { qdpxBlob, readQdpxFile } from './qdpx-files';
import { readAnnotationFile } from './read-file';
import { syntheticCodedLibrary, syntheticLibrary } from './synthetic';
import { xlsxBlob } from './xlsx-export';

export interface BenchTiming {
  ms: number;
  bytes?: number;
  rows: number;
  [part: string]: number | undefined;
}

export function installBenchHook(db: PizhuDB): void {
  let loaded: LibraryData | undefined;
  let lastJson: Blob | undefined;
  let lastQdpx: Blob | undefined;
  const data = async () => (loaded ??= await loadLibrary(db));
  const ctxOf = (d: LibraryData) => ({ pages: d.pages, terms: d.terms });
  const timed = async (work: (d: LibraryData) => Promise<Blob>): Promise<BenchTiming> => {
    const d = await data();
    const start = performance.now();
    const blob = await work(d);
    return { ms: performance.now() - start, bytes: blob.size, rows: d.rows.length };
  };

  (globalThis as Record<string, unknown>).__pizhuBench = {
    async seed(count: number, pageCount: number): Promise<BenchTiming> {
      const start = performance.now();
      await db.transaction('rw', [db.annotations, db.pages], async () => {
        await db.annotations.clear();
        await db.pages.clear();
      });
      const state = await new TaxonomyRepository(db).ensureDefault();
      const termIds = state.terms.filter((t) => !t.retired).map((t) => t.id);
      const { pages, annotations } = syntheticLibrary(count, pageCount, termIds);
      await db.pages.bulkPut(pages);
      for (let i = 0; i < annotations.length; i += 10_000) await db.annotations.bulkPut(annotations.slice(i, i + 10_000));
      loaded = undefined;
      return { ms: performance.now() - start, rows: count };
    },
    async load(): Promise<BenchTiming> {
      loaded = undefined;
      const start = performance.now();
      const d = await data();
      return { ms: performance.now() - start, rows: d.rows.length };
    },
    exportJson: () =>
      timed(async (d) => {
        lastJson = await jsonLdBlob(d.rows.map((r) => r.annotation), ctxOf(d));
        return lastJson;
      }),
    exportCsv: () => timed((d) => csvBlob(d.rows.map((r) => r.annotation), ctxOf(d), 'zh')),
    exportXlsx: () => timed((d) => xlsxBlob(d.rows.map((r) => r.annotation), ctxOf(d), 'zh')),
    exportQdpx: () =>
      timed(async (d) => {
        lastQdpx = (await qdpxBlob(db, d.rows.map((r) => r.annotation), ctxOf(d))).blob;
        return lastQdpx;
      }),
    /** The last .qdpx export into a new profile: read, preview and write, as the page's import does. */
    async importQdpxFresh(): Promise<BenchTiming> {
      if (!lastQdpx) throw new Error('run exportQdpx first');
      await db.delete();
      await db.open();
      const file = new File([lastQdpx], 'bench.qdpx', { type: 'application/zip' });
      const start = performance.now();
      const parsed = await readQdpxFile(db, file);
      const read = performance.now();
      const preview = await previewImport(db, parsed);
      await applyImport(db, parsed, { unchanged: new Set(preview.unchangedIds) });
      loaded = undefined;
      return { ms: performance.now() - start, bytes: file.size, rows: preview.total, readMs: read - start };
    },
    /** Two coders' work (library/synthetic.ts syntheticCodedLibrary) in place of the library, texts stored. */
    async seedAgreement(pages: number, perCoder: number): Promise<BenchTiming> {
      const start = performance.now();
      await db.transaction('rw', [db.annotations, db.pages], async () => {
        await db.annotations.clear();
        await db.pages.clear();
      });
      const terms = Array.from({ length: 20 }, (_x, i) => `https://pizhu.app/taxonomy/bench/term/${i}`);
      const coded = syntheticCodedLibrary({
        pages, perCoder, pageChars: 10_000, terms,
        coders: [{ id: 'https://team.example.cn/people/a', name: '甲' }, { id: 'https://team.example.cn/people/b', name: '乙' }],
      });
      await db.pages.bulkPut(coded.pages);
      await db.annotations.bulkPut(coded.annotations);
      loaded = undefined;
      return { ms: performance.now() - start, rows: coded.annotations.length };
    },
    /**
     * The Agreement tab's first report: the default choice (every coder, the pages two or more coded), the texts
     * read from the database and the outlines cut anew (a fresh cache, as when the tab is opened), paused as the
     * page pauses it.
     */
    async agreementReport(): Promise<BenchTiming> {
      const d = await data();
      const annotations = d.rows.map((r) => r.annotation);
      const start = performance.now();
      const offered = await coderOptions(annotations);
      const ids = defaultCoderIds(offered);
      const coders = offered.filter((c) => ids.includes(c.id)).map(({ id, name }) => ({ id, name }));
      const pages = defaultPages(annotations, ids);
      const { report } = await libraryAgreementReport(new AgreementCache(db), annotations, { coders, pages });
      return { ms: performance.now() - start, rows: annotations.length, pages: report.pages.length, terms: report.terms.length };
    },
    /** The Adjudication view's opening on the same choice: every page's disagreements found, the decisions read. */
    async adjudicationOpen(): Promise<BenchTiming> {
      const d = await data();
      const annotations = d.rows.map((r) => r.annotation);
      const offered = await coderOptions(annotations);
      const ids = defaultCoderIds(offered);
      const coders = offered.filter((c) => ids.includes(c.id)).map(({ id, name }) => ({ id, name }));
      const start = performance.now();
      const session = await AdjudicationSession.open(db, new AgreementCache(db).texts, annotations,
        { coders, pages: defaultPages(annotations, ids) }, { consensusName: 'bench' });
      return { ms: performance.now() - start, rows: annotations.length, disagreements: session.progress().total };
    },
    /** The last JSON-LD export into a new profile (the database deleted and created again): every annotation is new. */
    importJsonFresh: () =>
      importLast(async () => {
        await db.delete();
        await db.open();
      }),
    /**
     * The same file after the annotations table is cleared: every annotation is new again, but IndexedDB still holds
     * the deleted rows' tombstones, which makes each write dearer than in a new profile.
     */
    importJson: () => importLast(() => db.annotations.clear()),
    /** The same file once more, over the annotations it holds: all of them are unchanged and none is written. */
    importJsonAgain: () => importLast(async () => {}),
  };

  async function importLast(prepare: () => Promise<unknown>): Promise<BenchTiming> {
    if (!lastJson) throw new Error('run exportJson first');
    await prepare();
    const file = new File([lastJson], 'bench.jsonld', { type: 'application/ld+json' });
    const start = performance.now();
    // When each stage of the reading began: reading the file, parsing it (both in the worker), receiving the records.
    const stages: Record<string, number> = {};
    const parsed = await readAnnotationFile(file, { onStage: (stage) => (stages[stage] ??= performance.now()) });
    const read = performance.now();
    const preview = await previewImport(db, parsed);
    const compared = performance.now();
    // As the page's confirm does: what is stored exactly as in the file is not written again.
    await applyImport(db, parsed, { unchanged: new Set(preview.unchangedIds) });
    const end = performance.now();
    loaded = undefined;
    const since = (from: number | undefined, to: number | undefined) => (from === undefined || to === undefined ? undefined : to - from);
    return {
      ms: end - start, bytes: file.size, rows: preview.total, new: preview.new, unchanged: preview.unchanged,
      readMs: read - start,
      fileMs: since(stages.reading, stages.parsing),
      parseMs: since(stages.parsing, stages.receiving),
      receiveMs: since(stages.receiving, read),
      compareMs: compared - read, writeMs: end - compared,
    };
  }
}
