// An annotation, modelled on the W3C Web Annotation Data Model so that export is a mapping, not a translation: it
// targets a page (by normalised URL) with a TextQuoteSelector and a TextPositionSelector over the page's main text;
// its bodies are terms (by stable IRI) and an optional note.

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPosition {
  start: number;
  end: number;
}

export interface Agent {
  /** An IRI for the person, when known. */
  id?: string;
  name: string;
}

export interface AnnotationRecord {
  /** Stable IRI, `urn:uuid:…`. */
  id: string;
  /** Normalised page URL (see anchoring/url.ts): the key of the page record. */
  pageUrl: string;
  /** The URL as it was in the address bar when the annotation was made (the W3C `source`). */
  sourceUrl: string;
  quote: TextQuote;
  position: TextPosition;
  /** Term IRIs, in the order the user applied them. */
  terms: string[];
  /** Free-text note; '' when none. */
  note: string;
  creator?: Agent;
  /** ISO 8601 date-times. */
  created: string;
  modified: string;
}

/** A record as the UI builds it: created/modified are set when it is stored, unless given. */
export type AnnotationInput = Omit<AnnotationRecord, 'created' | 'modified'> &
  Partial<Pick<AnnotationRecord, 'created' | 'modified'>>;
