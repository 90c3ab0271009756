// Where each annotation lies in the page text the units are cut from. The stored position is trusted when the text
// there is still the quote; otherwise the annotation is re-anchored by its quote and context the way the page does it
// (anchoring/anchor.ts), since teammates may have coded the page as it read on another day. An annotation found
// nowhere is reported as unplaced and left out of the figures, never guessed at.
import type { AnnotationRecord } from '../model';
import { anchorMany } from '../anchoring/anchor';

export interface Placed {
  annotation: AnnotationRecord;
  start: number;
  end: number;
}

export function placeAnnotations(
  text: string,
  annotations: readonly AnnotationRecord[],
): { placed: Placed[]; unplaced: AnnotationRecord[] } {
  const placed: Placed[] = [];
  const moved: AnnotationRecord[] = [];
  for (const a of annotations) {
    const { start, end } = a.position;
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end &&
      text.slice(start, end) === a.quote.exact) {
      placed.push({ annotation: a, start, end });
    } else {
      moved.push(a);
    }
  }
  const unplaced: AnnotationRecord[] = [];
  if (moved.length > 0) {
    const found = anchorMany(text, moved);
    moved.forEach((a, i) => {
      const f = found[i];
      if (f && f.end > f.start) placed.push({ annotation: a, start: f.start, end: f.end });
      else unplaced.push(a);
    });
  }
  return { placed, unplaced };
}
