// The library's agreement report: the chosen pages' stored texts (page-texts.ts), then agreement/'s chunked report
// over them, pausing for the page between slices of work, so that the library stays responsive while two coders'
// 500 pages are measured. The outlines cut for the parts are kept for the next report (the costliest step), as are
// the texts.
import { agreementReportAsync, type AgreementReport, type Coder, type PageUnits } from '../agreement';
import type { AnnotationRecord } from '../model';
import type { PizhuDB } from '../storage/db';
import { PageTextCache } from './page-texts';
import { yieldToPage } from './yield';

export interface AgreementChoice {
  /** Two or more, in the order of the report's columns. */
  coders: readonly Coder[];
  /** Page URLs. */
  pages: readonly string[];
  /** Term IRIs; undefined for every term the coders applied. */
  terms?: readonly string[];
}

/** Kept between reports of one library page: the texts read and the units cut. */
export class AgreementCache {
  readonly texts: PageTextCache;
  readonly units = new Map<string, PageUnits>();

  constructor(db: PizhuDB) {
    this.texts = new PageTextCache(db);
  }
}

export type ReportStage = 'texts' | 'report';

export interface ReportRunOptions {
  signal?: AbortSignal;
  onProgress?: (stage: ReportStage, done: number, total: number) => void;
  /** Lets the page breathe between slices; the library's yield by default. */
  pause?: () => Promise<void>;
}

export interface LibraryReport {
  report: AgreementReport;
  /** Chosen pages with no stored text: not measured (the annotations' positions are into that text). */
  missingText: string[];
}

export async function libraryAgreementReport(
  cache: AgreementCache,
  annotations: readonly AnnotationRecord[],
  choice: AgreementChoice,
  options: ReportRunOptions = {},
): Promise<LibraryReport> {
  const { texts, missing } = await cache.texts.read(choice.pages, {
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.('texts', done, total),
  });
  const report = await agreementReportAsync(texts, annotations, {
    coders: choice.coders,
    terms: choice.terms,
    unitCache: cache.units,
    pause: options.pause ?? yieldToPage,
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.('report', done, total),
  });
  return { report, missingText: missing };
}
