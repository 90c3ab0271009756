// The records Pizhu keeps. Modelled on the W3C Web Annotation Data Model so that export is a mapping, not a
// translation: an annotation targets a page (by normalised URL) with a TextQuoteSelector and a
// TextPositionSelector over the page's main text; its bodies are terms (by stable IRI) and an optional note.
import type { PageKind } from '../recognition/types';

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

export interface PageRecord {
  /** Normalised URL, primary key. */
  url: string;
  title: string;
  kind: PageKind;
  /** The page's own document number (发文字号), if it has one. */
  docNumber?: string;
  /** Issuing body (发布机构 / 落款). */
  issuer?: string;
  /** Publication or signature date, ISO `YYYY-MM-DD`. */
  published?: string;
  /** docNumber folded to one spelling (see storage/doc-number-key.ts), indexed so that a citation finds its page. */
  docNumberKey?: string;
  /** The main text at the first annotation, so that annotations stay readable and re-anchorable when the page changes or goes. */
  snapshot?: string;
  snapshotAt?: string;
  firstSeen: string;
  lastSeen: string;
}

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
