// A codebook (taxonomy): schemes group terms; a term is what a passage is tagged with.

export interface LocalizedText {
  zh: string;
  en: string;
}

/** A top-level grouping of a taxonomy's terms (work areas; report structure; codes imported from elsewhere). */
export interface Scheme {
  /** Stable IRI. */
  id: string;
  label: LocalizedText;
  scopeNote?: LocalizedText;
  /** Order among the taxonomy's schemes. */
  order: number;
}

export interface Taxonomy {
  /** Stable IRI. */
  id: string;
  label: LocalizedText;
  schemes: Scheme[];
  /** Bumped on every edit, so that a team can tell whose codebook is newer. */
  version: number;
  modified: string;
}

export interface Term {
  /** Stable IRI: never changes, whatever else is edited. */
  id: string;
  taxonomyId: string;
  /** The scheme (top-level grouping) this term belongs to, by IRI. */
  scheme: string;
  /** Term number as users type it (e.g. "2.3"). */
  notation: string;
  label: LocalizedText;
  /** CSS colour, `#rrggbb`. */
  color: string;
  scopeNote?: LocalizedText;
  /** Parent term IRI; undefined for a top-level term of its scheme. */
  parent?: string;
  /** One-key shortcut for fast coding (a single character), if any. */
  shortcut?: string;
  /** A retired term keeps its annotations but is no longer offered for new tagging. */
  retired?: boolean;
  /** Order among siblings. */
  order: number;
}

// One collator for every comparison: `localeCompare` with options builds a collator per call, which made sorting the
// codebook's terms take milliseconds. Made at the first comparison, not when the module loads: this module is in the
// content script, which every page evaluates, and making a collator loads the locale's collation data (7.6 ms of each
// page's load in a fresh renderer process, measured with performance marks around the script's top level).
let numeric: Intl.Collator | undefined;

/** Terms in the order of their numbers as people read them: 2.9 before 2.10. */
export const byNotation = (a: Pick<Term, 'notation'>, b: Pick<Term, 'notation'>): number =>
  (numeric ??= new Intl.Collator(undefined, { numeric: true })).compare(a.notation, b.notation);
