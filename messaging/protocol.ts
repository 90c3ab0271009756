// Messages between the content script, the background and the extension pages. One union, one place.
import type { DocNumberRow, FigureRow } from '../exchange/rows';
import type { PageKind } from '../model';
import type { Category } from '../recognition/types';

/** One recognised item as the side panel lists it. */
export interface ItemSummary {
  index: number;
  category: Category;
  text: string;
  /** A few characters either side, for context in the list. */
  before: string;
  after: string;
}

/** What a scan found, in brief: enough for the toolbar badge. */
export interface ScanStatus {
  title: string;
  kind: PageKind;
  reason: string;
  counts: Record<Category, number>;
}

/** The scan in full, for the side panel. */
export interface PageSummary extends ScanStatus {
  url: string;
  host: string;
  items: ItemSummary[];
  /** A page read as no report that shows its text in a frame: the frame's own address (Pizhu reads it there). */
  framed?: string;
}

/** Content script → background and panels: a scan finished (or Pizhu is off on this site: status null). */
export interface ScanReport {
  type: 'pizhu:scanned';
  status: ScanStatus | null;
}

/** Panel → content script. */
export type TabRequest =
  | { type: 'pizhu:get-summary' }
  | { type: 'pizhu:reveal'; index: number }
  /** The page's figures and document numbers as export rows (RecognitionRows). */
  | { type: 'pizhu:get-rows' };

export interface RecognitionRows {
  title: string;
  figures: FigureRow[];
  docNumbers: DocNumberRow[];
}

export type RuntimeMessage = ScanReport;
