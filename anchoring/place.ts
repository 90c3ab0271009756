// Where stored annotations lie in a page text: the one way the library side (agreement, REFI-QDA export, the reader)
// finds them. A stored position counts code points (the W3C model's characters); it is trusted when the text there
// is still the quote, and otherwise the annotation is re-anchored by its quote and context as the page does it. An
// annotation with no quote (a note on the whole page, from another tool) has no passage; one found nowhere is
// reported as unplaced, never guessed at. Offsets returned are UTF-16, into `text`.
import type { AnnotationRecord } from '../model';
import { anchorMany } from './anchor';
import { codePointIndex, type CodePointIndex } from './code-points';

export interface Placed<A extends AnnotationRecord = AnnotationRecord> {
  annotation: A;
  start: number;
  end: number;
}

export interface Placement<A extends AnnotationRecord = AnnotationRecord> {
  placed: Placed<A>[];
  /** Had a quote, but it is not in the text. */
  unplaced: A[];
  /** No quote: on the whole page, not on a passage of it. */
  wholePage: A[];
}

/** UTF-16 offsets of a stored position in `text`, when the quote stands exactly there. */
function inPlace(text: string, index: CodePointIndex, a: AnnotationRecord): { start: number; end: number } | null {
  if (!a.position || !a.quote) return null;
  const start = index.toUnit(a.position.start);
  const end = index.toUnit(a.position.end);
  return start >= 0 && start < end && end <= text.length && text.slice(start, end) === a.quote.exact ? { start, end } : null;
}

export function placeAnnotations<A extends AnnotationRecord>(text: string, annotations: readonly A[]): Placement<A> {
  const index = codePointIndex(text);
  const placed: Placed<A>[] = [];
  const wholePage: A[] = [];
  // Most annotations sit where they were made: only the others need anchoring (which folds the whole text first).
  const moved: A[] = [];
  for (const a of annotations) {
    if (!a.quote) wholePage.push(a);
    else {
      const here = inPlace(text, index, a);
      if (here) placed.push({ annotation: a, ...here });
      else moved.push(a);
    }
  }
  const unplaced: A[] = [];
  if (moved.length > 0) {
    const found = anchorMany(text, moved.map((a) => ({
      quote: a.quote!,
      position: a.position && { start: index.toUnit(a.position.start), end: index.toUnit(a.position.end) },
    })));
    moved.forEach((a, i) => {
      const f = found[i];
      if (f && f.end > f.start) placed.push({ annotation: a, start: f.start, end: f.end });
      else unplaced.push(a);
    });
  }
  return { placed, unplaced, wholePage };
}
