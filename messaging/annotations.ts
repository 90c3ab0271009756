// Messages about annotations. The database lives with the extension (IndexedDB of the extension's origin, not the
// visited site's), so content scripts ask the background for reads and writes; panels ask the content script of
// their tab, which knows where each annotation is anchored.
import type { AnnotationInput, AnnotationRecord, PageMetadata, Term, TextPosition } from '../model';

export interface ErrorReply {
  ok: false;
  error: { code: string; zh: string; en: string };
}

/** Content script → background. */
export type DataRequest =
  | { type: 'pizhu:data:page'; url: string }
  /** `snapshot`: the page's text, sent with a page's first annotation only (it can be a megabyte). */
  | { type: 'pizhu:data:save'; annotation: AnnotationInput; page: PageMetadata; snapshot?: string }
  | { type: 'pizhu:data:delete'; id: string }
  | { type: 'pizhu:data:restore'; annotation: AnnotationRecord }
  /** Where annotations that had no position anchored on this visit (code points of the page's main text). */
  | { type: 'pizhu:data:positions'; positions: { id: string; position: TextPosition }[] };

export interface PageData {
  annotations: AnnotationRecord[];
  /** Every term of every taxonomy, retired ones too (old annotations still show them). */
  terms: Term[];
}

export type DataReply<T> = { ok: true; value: T } | ErrorReply;

/** Background → content script: tag the current selection (context menu, keyboard command). */
export interface TagSelectionCommand {
  type: 'pizhu:tag-selection';
}

/** One annotation as the side panel lists it. */
export interface AnnotationItem {
  record: AnnotationRecord;
  /** Where it anchored in the page text, or null: an orphan (kept, listed apart, never deleted). */
  anchor: { start: number; end: number; method: 'exact' | 'position' | 'fuzzy' } | null;
}

/** Panel → content script. */
export type AnnotationRequest =
  | { type: 'pizhu:annotations:list' }
  | { type: 'pizhu:annotations:reveal'; id: string };

export interface AnnotationList {
  items: AnnotationItem[];
  terms: Term[];
}

/** Content script → panels: the page's annotations changed. */
export interface AnnotationsChanged {
  type: 'pizhu:annotations:changed';
}
