// A page Pizhu has read and annotated: what recognition found of it, and the text its annotations anchor to.

/** What a page is: a work report, another official document, or anything else (see the recognition rules). */
export type PageKind = 'report' | 'document' | 'none';

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
  /** How the page laid `snapshot` out, kept with it (absent on records older than the reader and on texts that came
   * by import: the reader then reads the structure from the text alone). */
  snapshotStructure?: TextStructure;
  firstSeen: string;
  lastSeen: string;
}

/** A stretch of a text: UTF-16 offsets, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The structure of a page's stored text as the live page showed it, in offsets into that text: where the main
 * content is (what recognition reads there) and the paragraph-level blocks of it with their HTML tags, which tell
 * headings and table cells apart. A few kilobytes for a report; bounded (reading/structure.ts) and checked when read.
 */
export interface TextStructure {
  /** The main content (metadata block, title to signature), in order. */
  segments: TextSpan[];
  /** Leaf blocks inside the segments, in order; `tag` is the lower-case tag name ('p', 'h2', 'td'…). */
  blocks: (TextSpan & { tag: string })[];
}

/** What the content script knows of a page when it stores an annotation on it. */
export type PageMetadata = Pick<PageRecord, 'url' | 'title' | 'kind' | 'docNumber' | 'issuer' | 'published'>;
