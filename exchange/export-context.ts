import type { PageRecord, Term } from '../model';

/** What an export needs besides the annotations: the pages they sit on and the terms they apply. */
export interface ExportContext {
  /** Page records by normalised URL. */
  pages: ReadonlyMap<string, PageRecord>;
  /** Terms by IRI. */
  terms: ReadonlyMap<string, Term>;
  /**
   * Coders' current names by IRI: an annotation keeps its coder's IRI, and the name the coder goes by now is the
   * one written (a name set after the first annotations were made reaches them too).
   */
  coders?: ReadonlyMap<string, string>;
}

export type Lang = 'zh' | 'en';
