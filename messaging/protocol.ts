// Messages between the content script, the background and the extension pages. One union, one place.
import type { Category, PageKind } from '../recognition/types';

/** One recognised item as the side panel lists it. */
export interface ItemSummary {
  index: number;
  category: Category;
  text: string;
  /** A few characters either side, for context in the list. */
  before: string;
  after: string;
}

export interface PageSummary {
  url: string;
  host: string;
  title: string;
  kind: PageKind;
  reason: string;
  counts: Record<Category, number>;
  items: ItemSummary[];
}

/** Content script → background and panels: a scan finished (or Pizhu is off on this site: summary null). */
export interface ScanReport {
  type: 'pizhu:scanned';
  summary: PageSummary | null;
}

/** Panel → content script. */
export type TabRequest =
  | { type: 'pizhu:get-summary' }
  | { type: 'pizhu:reveal'; index: number };

export type RuntimeMessage = ScanReport;
