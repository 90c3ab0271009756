// The reader's text on screen: laid out (render-text.ts), then drawn on as a live page is — recognised items and
// tagged passages as CSS highlights, the outline on request — with the page side's own helpers, which work on the
// TextMap the layout returns. The panes of the reader talk to the text through this one object.
import type { AnnotationRecord, Term } from '../../model';
import { paintAnnotations } from '../../page/annotation-paint';
import { buildHighlights, clearHighlights, paintHighlights, rangesFor } from '../../page/highlights';
import { matchAtPoint, matchAtSelection, offsetAtPoint, rangeCovers } from '../../page/hit-test';
import { revealRange } from '../../page/reveal';
import { clearOutline, drawOutline, revealSpan } from '../../page/study-drawing';
import { Slicer } from '../../page/slices';
import { rangeFor, type TextMap } from '../../page/text-map';
import type { StoredAnchor, StoredReading } from '../../reading/read';
import type { Match } from '../../recognition/types';
import { yieldToPage } from '../../library/yield';
import { renderText } from './render-text';

export interface ReaderEntry {
  record: AnnotationRecord;
  anchor: StoredAnchor;
}

/** The stored annotations with their places in the stored text: anchored ones in text order, then the others. */
export function readerEntries(annotations: readonly AnnotationRecord[], anchors: readonly StoredAnchor[]): ReaderEntry[] {
  const entries = annotations.map((record, i) => ({ record, anchor: anchors[i] ?? null }));
  return entries.sort((a, b) => (a.anchor?.start ?? Infinity) - (b.anchor?.start ?? Infinity));
}

const ALL_CATEGORIES = { docno: true, figure: true, date: true };

export class ReaderView {
  private map: TextMap | null = null;
  private matchRanges: Range[] = [];
  private readonly passages = new Map<string, Range>();
  private readonly selectListeners = new Set<(id: string) => void>();

  constructor(
    private readonly text: string,
    private readonly reading: StoredReading,
    readonly entries: readonly ReaderEntry[],
    /** Every term by id, retired ones too. */
    readonly terms: ReadonlyMap<string, Term>,
  ) {}

  get ready(): boolean {
    return this.map !== null;
  }

  /** Lays the text out into `container` and draws on it; the reader is usable as soon as this settles. */
  async layout(container: HTMLElement, onProgress: (lines: number, total: number) => void, signal: AbortSignal): Promise<void> {
    const map = await renderText(container, this.text, this.reading.lines, { pause: yieldToPage, onProgress, signal });
    if (signal.aborted) return;
    for (const { record, anchor } of this.entries) {
      if (anchor) this.passages.set(record.id, rangeFor(map, anchor.start, anchor.end));
    }
    paintAnnotations(this.entries.flatMap(({ record }) => {
      const range = this.passages.get(record.id);
      return range ? [{ range, color: this.terms.get(record.terms[0])?.color }] : [];
    }));
    // Ranges and highlights in slices, as on the live page: a megabyte report has thousands of figures.
    const slicer = new Slicer(undefined, yieldToPage);
    this.matchRanges = (await rangesFor(map, this.reading.matches, slicer)).ranges;
    const highlights = await buildHighlights(this.reading.matches, this.matchRanges, slicer);
    if (signal.aborted) return;
    paintHighlights(highlights, ALL_CATEGORIES);
    this.map = map;
  }

  /** Scrolls to an annotation's passage and marks it for a moment; false for one that has no passage here. */
  revealAnnotation(id: string): boolean {
    const range = this.passages.get(id);
    return !!range && revealRange(range);
  }

  revealSpan(start: number, end: number): boolean {
    return !!this.map && revealSpan(this.map, start, end);
  }

  /** Draws the outline's parts on the text, or takes them off; the number of parts drawn. */
  drawOutline(on: boolean): number {
    if (!this.map) return 0;
    return drawOutline(this.map, this.reading.study, on);
  }

  /** The recognised item under the point, with where it is on screen. */
  matchAtPoint(x: number, y: number): { match: Match; rect: DOMRect } | null {
    if (!this.map) return null;
    const i = matchAtPoint(document, this.map, this.reading.matches, this.matchRanges, x, y);
    return i < 0 ? null : { match: this.reading.matches[i], rect: this.matchRanges[i].getBoundingClientRect() };
  }

  /** The recognised item the selection's focus is in (keyboard readers move the caret or select a number). */
  matchAtSelection(selection: Selection | null): { match: Match; rect: DOMRect } | null {
    if (!this.map) return null;
    const i = matchAtSelection(selection, this.map, this.reading.matches);
    return i < 0 ? null : { match: this.reading.matches[i], rect: this.matchRanges[i].getBoundingClientRect() };
  }

  /** The annotation whose passage is under the point, if any. */
  annotationAtPoint(x: number, y: number): string | undefined {
    if (!this.map) return undefined;
    const at = offsetAtPoint(document, this.map, x, y);
    if (at < 0) return undefined;
    const hit = this.entries.find(({ anchor }) => anchor && at >= anchor.start && at < anchor.end);
    const range = hit && this.passages.get(hit.record.id);
    return range && rangeCovers(range, x, y) ? hit.record.id : undefined;
  }

  /** The side pane hears of a passage picked in the text; returns the way to stop. */
  onSelect(listener: (id: string) => void): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }

  select(id: string): void {
    for (const listener of this.selectListeners) listener(id);
  }

  /** The page is left: its highlights go with it. */
  dispose(): void {
    clearOutline();
    paintAnnotations([]);
    clearHighlights();
  }
}
