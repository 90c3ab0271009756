import type { PageRecord, Term } from '../model';

/** What an export needs besides the annotations: the pages they sit on and the terms they apply. */
export interface ExportContext {
  /** Page records by normalised URL. */
  pages: ReadonlyMap<string, PageRecord>;
  /** Terms by IRI. */
  terms: ReadonlyMap<string, Term>;
}

export type Lang = 'zh' | 'en';
