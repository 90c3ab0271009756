// An annotation, modelled on the W3C Web Annotation Data Model so that export is a mapping, not a translation: it
// targets a page (by normalised URL), usually a passage of its main text given by a TextQuoteSelector and a
// TextPositionSelector; its bodies are terms (by stable IRI) and an optional note. An annotation that came from
// another tool also keeps, in `foreign`, what Pizhu does not use, so that it leaves as it came.

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Where a passage is in the page's main text, counted in code points (the W3C model's "characters"), end exclusive.
 * JavaScript strings count UTF-16 units: anchoring/code-points.ts converts where the text is at hand.
 */
export interface TextPosition {
  start: number;
  end: number;
}

/** A person as an annotation names them: an IRI when known, and a name ('' when only the IRI is known). */
export interface Agent {
  id?: string;
  name: string;
}

/** JSON as a file had it: kept and written back, never interpreted. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What Pizhu read from one body of an annotation from elsewhere. */
export type BodyRole =
  /** The body names this term (a concept, a linked resource, or a text tag turned into a term). */
  | { term: string }
  /** A text tag repeating the label of this term's concept, next to it: it stands or goes with the term. */
  | { echo: string }
  /** The note, or one part of it. */
  | { note: true };

export interface ForeignBody {
  body: Json;
  /** Absent for a body Pizhu does not use (a linked page, a Choice, a description…). */
  role?: BodyRole;
}

/**
 * The parts of a W3C annotation from another tool that Pizhu would not write the same way itself. Export starts
 * from what Pizhu writes and puts these back, so that an annotation leaves as it came (see exchange/foreign.ts).
 */
export interface ForeignParts {
  /** Annotation properties as the file had them: those Pizhu does not use (rights, audience, via, stylesheet…) and
   * those it writes otherwise (motivation, creator, generator, type). */
  properties?: Record<string, Json>;
  /** Properties Pizhu writes that the file did not have (motivation, generator, created, modified). */
  omitted?: string[];
  /** The bodies in the file's order, each with what Pizhu read from it. */
  bodies?: ForeignBody[];
  /** The file's `body` was one resource, not a list. */
  singleBody?: true;
  /** The note came as the annotation's `bodyValue`. */
  bodyValue?: true;
  /** The target as the file had it (one or several). */
  target?: Json;
}

export interface AnnotationRecord {
  /** Stable IRI, `urn:uuid:…` for Pizhu's own. */
  id: string;
  /** Normalised page URL (see anchoring/url.ts): the key of the page record. */
  pageUrl: string;
  /** The URL as it was in the address bar when the annotation was made (the W3C `source`). */
  sourceUrl: string;
  /** The passage; absent for an annotation from elsewhere on a whole page (or on something that is not text). */
  quote?: TextQuote;
  /** Absent when no position is known: an annotation from elsewhere that gave only the quote, until it is anchored. */
  position?: TextPosition;
  /** Term IRIs, in the order the user applied them. */
  terms: string[];
  /** Free-text note; '' when none. */
  note: string;
  /** Who made it: the coder for Pizhu's own, as the file says (or as the user said at import) for others. */
  creator?: Agent;
  /** ISO 8601 date-times. */
  created: string;
  modified: string;
  foreign?: ForeignParts;
}

/** A record as the UI builds it: created/modified are set when it is stored, unless given. */
export type AnnotationInput = Omit<AnnotationRecord, 'created' | 'modified'> &
  Partial<Pick<AnnotationRecord, 'created' | 'modified'>>;
