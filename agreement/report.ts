// The agreement report: how far two or more coders agree on a set of pages, per term and over all terms, for each
// kind of unit (units.ts), by percent agreement, Cohen's κ (two coders) or Fleiss' κ (three or more) and
// Krippendorff's α, each with the counts behind it and its formula (statistics.ts).
//
// API (what the library's Agreement view calls)
//   agreementReport(pages, annotations, options)            → AgreementReport, at once
//   agreementReportAsync(pages, annotations, options)       → Promise<AgreementReport>, the same report, pausing on
//       `pause()` (pass the page's yield, library/yield.ts) whenever `sliceMs` (10) of work has run or `yieldEvery`
//       steps (pages coded, terms summed) are done; `signal` aborts, `onProgress(done, total)` counts pages.
//       The unit of work is one page: the outline of a very long page (a megabyte) is cut in one go.
//   codePage(page, annotations, options) + summarizeCodings(codings, options)
//                                                           → the same report, from codings kept per page, so
//       that a change on one page recodes that page only
//   figuresFor(report, unit, term | null)                   → the row of one term (null: all terms pooled)
//   coderMatrix(figures)                                    → coder × coder Cohen's κ and percent agreement
//   pagesCodedBy / codersIn (coders.ts) for the default choice of pages and coders; agreementTableRows (table.ts)
//   for the CSV/Excel export.
// `pages` are PageRecords (the snapshot is the text) or { url, text, title }; pages without a kept text are
// skipped and listed in `report.skipped`. Only annotations of the chosen coders on the chosen pages count. The
// report is plain data (arrays, numbers, strings), so it can be posted from a worker and stored.
//
// Missing data: a coder "coded" a page when they have at least one annotation on it (whatever its terms); on a page
// they did not code, their values are missing, not "not applied". Cohen's κ then uses the units both coders coded,
// Fleiss' κ the units all coders coded, α and percent agreement every unit at least two coders coded.
//
// Overall ("all" terms): the terms' data pooled — every unit × term is one applied/not-applied decision, the
// per-term tables and coincidence matrices summed, and the statistics computed once on the sums (not an average of
// the per-term figures). With many terms most decisions are "not applied" by everyone, which raises percent
// agreement; κ and α correct for that.
import type { AnnotationRecord, PageRecord } from '../model';
import { coderOf as defaultCoderOf, type Coder } from './coders';
import { placeAnnotations } from '../anchoring/place';
import {
  cohenKappa, codingTableOfPairs, fleissKappa, krippendorffAlpha, percentAgreement,
  type AlphaCounts, type CohenCounts, type Figure, type FleissCounts, type PercentCounts,
} from './statistics';
import {
  addPage, addTally, codingTableOf, emptyTally, mergeIntervals, pairTableOf, type BinaryTally, type Intervals,
} from './tally';
import {
  partsOf, sentenceUnits, toUnitSpans, unitRange, UNIT_KINDS, type Part, type UnitKind, type UnitSpans,
} from './units';

export interface AgreementPage {
  url: string;
  /** The page text the annotations anchor to (PageRecord.snapshot). */
  text: string;
  /** The page title, which helps the outline find the report's title line. */
  title?: string;
}

export interface ReportOptions {
  /** Two or more; their order is the order of the report's columns (coder 1, coder 2…). */
  coders: readonly Coder[];
  /** Term IRIs; by default every term the coders applied on these pages, sorted. */
  terms?: readonly string[];
  /** By default all three. */
  units?: readonly UnitKind[];
  /** Whose an annotation is (default: coders.ts coderOf, by creator IRI). */
  coderOf?: (a: AnnotationRecord) => string;
  /** Sentences and parts already cut, by page URL; the report adds the pages it cuts. Keep it between reports of
   *  the same pages to skip the outline (the costliest step). An entry for a changed text is cut again. */
  unitCache?: Map<string, PageUnits>;
}

export interface AsyncReportOptions extends ReportOptions {
  /** Pause once this much work has run since the last pause; default 10 ms. */
  sliceMs?: number;
  /** Pause at the latest after this many steps (a step codes one page or sums one term); default: time only. */
  yieldEvery?: number;
  /** Lets the page breathe; default a zero-delay timer. The library passes yieldToPage (library/yield.ts). */
  pause?: () => Promise<void>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface PageUnits {
  text: string;
  sentences?: UnitSpans;
  parts?: Part[];
  partSpans?: UnitSpans;
}

export interface PairFigures {
  /** Indices into report.coders, a < b. */
  a: number;
  b: number;
  percent: Figure<PercentCounts>;
  cohen: Figure<CohenCounts<0 | 1>>;
}

export interface AgreementFigures {
  /** Term IRI; null for all terms pooled. */
  term: string | null;
  unit: UnitKind;
  percent: Figure<PercentCounts>;
  /** Exactly two coders. */
  cohen?: Figure<CohenCounts<0 | 1>>;
  /** Three or more coders. */
  fleiss?: Figure<FleissCounts<0 | 1>>;
  alpha: Figure<AlphaCounts<0 | 1>>;
  /** Every pair of coders, in the order (0,1), (0,2) … (1,2) … */
  pairs: PairFigures[];
  /** Per coder (report.coders order): the units they applied the term to, and the units they coded. */
  applied: number[];
  coded: number[];
}

export interface PageSummary {
  url: string;
  /** Indices into report.coders of those who coded the page. */
  coders: number[];
  /** Units on the page, per kind measured (none when none of the coders coded the page). */
  units: Partial<Record<UnitKind, number>>;
  /** Annotations of the chosen coders that could not be found in the page text (left out). */
  unplaced: string[];
}

export interface AgreementReport {
  coders: Coder[];
  terms: string[];
  units: UnitKind[];
  /** For each unit kind in `units`: the pooled row (term null), then one row per term in `terms` order. */
  rows: AgreementFigures[];
  pages: PageSummary[];
  /** URLs of pages left out because no text of theirs is kept. */
  skipped: string[];
}

/** What one page contributes, kept per page so that a change to one page's annotations recodes that page only. */
export interface PageCoding extends PageSummary {
  /** term → unit kind → per coder (report.coders index) the unit intervals where the coder applied the term. */
  marks: Map<string, Partial<Record<UnitKind, (Intervals | undefined)[]>>>;
}

/** A page as the report takes it: a PageRecord (its snapshot is the text) or just the text. */
export type ReportPage = AgreementPage | PageRecord;

function asAgreementPage(page: ReportPage): AgreementPage | null {
  if ('text' in page) return typeof page.text === 'string' ? page : null;
  return typeof page.snapshot === 'string' ? { url: page.url, text: page.snapshot, title: page.title } : null;
}

function unitsFor(page: AgreementPage, kinds: readonly UnitKind[], cache?: Map<string, PageUnits>): PageUnits {
  let u = cache?.get(page.url);
  if (!u || u.text !== page.text) u = { text: page.text };
  if (kinds.includes('sentence') && !u.sentences) u.sentences = sentenceUnits(page.text);
  if (kinds.includes('part') && !u.parts) {
    u.parts = partsOf(page.text, page.title);
    u.partSpans = toUnitSpans(u.parts);
  }
  cache?.set(page.url, u);
  return u;
}

/** The coding of one page: who coded it, how many units it has, and where each coder applied each term. */
export function codePage(
  page: AgreementPage,
  annotations: readonly AnnotationRecord[],
  options: ReportOptions,
): PageCoding {
  const kinds = options.units ?? UNIT_KINDS;
  const whose = options.coderOf ?? defaultCoderOf;
  const index = new Map(options.coders.map((c, i) => [c.id, i]));
  const mine = annotations.filter((a) => a.pageUrl === page.url && index.has(whose(a)));
  const coders = [...new Set(mine.map((a) => index.get(whose(a))!))].sort((a, b) => a - b);
  // A page none of the coders coded counts for nobody: no need to cut its units.
  if (coders.length === 0) return { url: page.url, coders, units: {}, unplaced: [], marks: new Map() };
  const { placed, unplaced } = placeAnnotations(page.text, mine);
  const units = unitsFor(page, kinds, options.unitCache);
  const axes: Partial<Record<UnitKind, UnitSpans | null>> = {
    character: null, sentence: units.sentences, part: units.partSpans,
  };
  const length = page.text.length;
  const raw = new Map<string, Partial<Record<UnitKind, number[][]>>>();
  const ranges = kinds.map(() => ({ start: 0, end: 0 }));
  for (const p of placed) {
    const coder = index.get(whose(p.annotation))!;
    const start = Math.max(0, p.start);
    const end = Math.min(length, p.end);
    if (end <= start) continue;
    kinds.forEach((kind, k) => {
      const axis = axes[kind];
      ranges[k] = axis ? unitRange(axis, start, end) : { start, end };
    });
    for (const term of new Set(p.annotation.terms)) {
      let byKind = raw.get(term);
      if (!byKind) raw.set(term, (byKind = {}));
      kinds.forEach((kind, k) => {
        const r = ranges[k];
        if (r.end <= r.start) return;
        const perCoder = (byKind[kind] ??= []);
        (perCoder[coder] ??= []).push(r.start, r.end);
      });
    }
  }
  const marks: PageCoding['marks'] = new Map();
  for (const [term, byKind] of raw) {
    const merged: Partial<Record<UnitKind, (Intervals | undefined)[]>> = {};
    for (const kind of kinds) {
      const perCoder = byKind[kind];
      if (!perCoder) continue;
      const m: (Intervals | undefined)[] = [];
      for (let i = 0; i < perCoder.length; i++) if (perCoder[i]) m[i] = mergeIntervals(perCoder[i]);
      merged[kind] = m;
    }
    marks.set(term, merged);
  }
  const counts: Partial<Record<UnitKind, number>> = {};
  for (const kind of kinds) {
    counts[kind] = kind === 'character' ? length : kind === 'sentence' ? units.sentences!.starts.length : units.partSpans!.starts.length;
  }
  return { url: page.url, coders, units: counts, unplaced: unplaced.map((a) => a.id), marks };
}

function figuresOf(t: BinaryTally, term: string | null, unit: UnitKind): AgreementFigures {
  const M = t.coders;
  const table = codingTableOf(t);
  const pairs: PairFigures[] = [];
  for (let a = 0; a < M; a++) {
    for (let b = a + 1; b < M; b++) {
      const pair = pairTableOf(t, a, b);
      pairs.push({ a, b, percent: percentAgreement(codingTableOfPairs(pair)), cohen: cohenKappa(pair) });
    }
  }
  return {
    term,
    unit,
    percent: percentAgreement(table),
    ...(M === 2 ? { cohen: pairs[0].cohen } : { fleiss: fleissKappa(table, M) }),
    alpha: krippendorffAlpha(table),
    pairs,
    applied: [...t.applied],
    coded: [...t.coded],
  };
}

function termsOf(codings: readonly PageCoding[]): string[] {
  const all = new Set<string>();
  for (const c of codings) for (const t of c.marks.keys()) all.add(t);
  return [...all].sort();
}

const NO_MARKS: (Intervals | undefined)[] = [];

function checkCoders(coders: readonly Coder[]): void {
  if (coders.length < 2) throw new RangeError('An agreement report needs two or more coders.');
  if (new Set(coders.map((c) => c.id)).size !== coders.length) throw new RangeError('A coder is listed twice.');
}

/** Summing the pages' codings term by term, one step per term and unit kind. */
function* summarySteps(
  codings: readonly PageCoding[],
  options: ReportOptions,
  skipped: string[],
  out: { report?: AgreementReport },
): Generator<'term'> {
  const kinds = [...(options.units ?? UNIT_KINDS)];
  const terms = options.terms ? [...options.terms] : termsOf(codings);
  const rows: AgreementFigures[] = [];
  const M = options.coders.length;
  for (const unit of kinds) {
    const pooled = emptyTally(M);
    const perTerm: AgreementFigures[] = [];
    for (const term of terms) {
      const t = emptyTally(M);
      for (const c of codings) addPage(t, c.units[unit] ?? 0, c.coders, c.marks.get(term)?.[unit] ?? NO_MARKS);
      perTerm.push(figuresOf(t, term, unit));
      addTally(pooled, t);
      yield 'term';
    }
    rows.push(figuresOf(pooled, null, unit), ...perTerm);
  }
  out.report = {
    coders: options.coders.map((c) => ({ id: c.id, name: c.name })),
    terms,
    units: kinds,
    rows,
    pages: codings.map(({ url, coders, units, unplaced }) => ({ url, coders, units, unplaced })),
    skipped,
  };
}

/** The steps of a report, as a generator so that the synchronous and the chunked call share one path. */
function* steps(
  pages: readonly ReportPage[],
  annotations: readonly AnnotationRecord[],
  options: ReportOptions,
  out: { report?: AgreementReport },
): Generator<'page' | 'term'> {
  checkCoders(options.coders);
  const kinds = [...(options.units ?? UNIT_KINDS)];
  const byPage = new Map<string, AnnotationRecord[]>();
  for (const a of annotations) {
    let list = byPage.get(a.pageUrl);
    if (!list) byPage.set(a.pageUrl, (list = []));
    list.push(a);
  }
  const codings: PageCoding[] = [];
  const skipped: string[] = [];
  for (const p of pages) {
    const page = asAgreementPage(p);
    if (!page) skipped.push(p.url);
    else codings.push(codePage(page, byPage.get(page.url) ?? [], { ...options, units: kinds }));
    yield 'page';
  }
  yield* summarySteps(codings, { ...options, units: kinds }, skipped, out);
}

/**
 * The report from pages already coded (codePage, with the same coders and unit kinds): after a change to some
 * pages' annotations, code those pages again and sum all — the sums cost little next to cutting the units.
 */
export function summarizeCodings(codings: readonly PageCoding[], options: ReportOptions): AgreementReport {
  checkCoders(options.coders);
  const out: { report?: AgreementReport } = {};
  const work = summarySteps(codings, options, [], out);
  while (!work.next().done);
  return out.report!;
}

export function agreementReport(
  pages: readonly ReportPage[],
  annotations: readonly AnnotationRecord[],
  options: ReportOptions,
): AgreementReport {
  const out: { report?: AgreementReport } = {};
  const work = steps(pages, annotations, options, out);
  while (!work.next().done);
  return out.report!;
}

const timerPause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function agreementReportAsync(
  pages: readonly ReportPage[],
  annotations: readonly AnnotationRecord[],
  options: AsyncReportOptions,
): Promise<AgreementReport> {
  const every = options.yieldEvery ?? Infinity;
  const slice = options.sliceMs ?? 10;
  const pause = options.pause ?? timerPause;
  const out: { report?: AgreementReport } = {};
  let done = 0;
  let sincePause = 0;
  let sliceStart = performance.now();
  options.signal?.throwIfAborted();
  for (const step of steps(pages, annotations, options, out)) {
    if (step === 'page') options.onProgress?.(++done, pages.length);
    if (++sincePause >= every || performance.now() - sliceStart >= slice) {
      sincePause = 0;
      await pause();
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
  return out.report!;
}

export function figuresFor(report: AgreementReport, unit: UnitKind, term: string | null): AgreementFigures | undefined {
  return report.rows.find((r) => r.unit === unit && r.term === term);
}

export interface MatrixCell {
  percent: number | null;
  kappa: number | null;
}

/** Coder × coder (report.coders order): Cohen's κ and percent agreement of each pair; null on the diagonal. */
export function coderMatrix(figures: AgreementFigures): (MatrixCell | null)[][] {
  const M = figures.coded.length;
  const matrix: (MatrixCell | null)[][] = Array.from({ length: M }, () => new Array<MatrixCell | null>(M).fill(null));
  for (const p of figures.pairs) {
    const cell = { percent: p.percent.value, kappa: p.cohen.value };
    matrix[p.a][p.b] = cell;
    matrix[p.b][p.a] = cell;
  }
  return matrix;
}
