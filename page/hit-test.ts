// Which recognised span is under the pointer or the caret. Highlights receive no events (they are not
// elements), so we ask the document for the text position at a point and look it up among the matches.
import type { Match } from '../recognition/types';
import { offsetOf, type TextMap } from './text-map';

/** The match containing text offset `at`, by binary search over matches sorted by start. */
export function matchAt(matches: Match[], at: number): number {
  let lo = 0;
  let hi = matches.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = matches[mid];
    if (at < m.start) hi = mid - 1;
    else if (at >= m.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(doc: CaretDocument, x: number, y: number): [Node, number] | null {
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? [p.offsetNode, p.offset] : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? [r.startContainer, r.startOffset] : null;
}

/** The text offset under the point (x, y), or -1 when it is not over the mapped text. */
export function offsetAtPoint(doc: Document, map: TextMap, x: number, y: number): number {
  const caret = caretAt(doc as CaretDocument, x, y);
  return caret ? offsetOf(map, caret[0], caret[1]) : -1;
}

/**
 * Whether (x, y) lies on one of the range's boxes, give or take `slack` pixels. The caret APIs answer with the
 * nearest text even in a margin, so what they point at is confirmed this way.
 */
export function rangeCovers(range: Range, x: number, y: number, slack = 0): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - slack && x <= rect.right + slack && y >= rect.top - slack && y <= rect.bottom + slack) return true;
  }
  return false;
}

/** The index of the match under the point (x, y), or -1. */
export function matchAtPoint(doc: Document, map: TextMap, matches: Match[], ranges: Range[], x: number, y: number): number {
  const at = offsetAtPoint(doc, map, x, y);
  if (at < 0) return -1;
  // A caret between two characters may belong to the span before or after it.
  for (const probe of [at, at - 1]) {
    const i = matchAt(matches, probe);
    if (i >= 0 && rangeCovers(ranges[i], x, y, 1)) return i;
  }
  return -1;
}

/** The match the selection's focus sits in (keyboard users: caret browsing, or a selected number). */
export function matchAtSelection(selection: Selection | null, map: TextMap, matches: Match[]): number {
  if (!selection || !selection.focusNode) return -1;
  const at = offsetOf(map, selection.focusNode, selection.focusOffset);
  if (at < 0) return -1;
  const i = matchAt(matches, at);
  return i >= 0 ? i : matchAt(matches, at - 1);
}
