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
  firstSeen: string;
  lastSeen: string;
}

/** What the content script knows of a page when it stores an annotation on it. */
export type PageMetadata = Pick<PageRecord, 'url' | 'title' | 'kind' | 'docNumber' | 'issuer' | 'published'>;
