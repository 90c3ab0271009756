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

/**
 * The index of the match under the point (x, y), or -1. The caret APIs answer with the nearest text even in
 * a margin, so the answer is confirmed against the range's boxes.
 */
export function matchAtPoint(doc: Document, map: TextMap, matches: Match[], ranges: Range[], x: number, y: number): number {
  const caret = caretAt(doc as CaretDocument, x, y);
  if (!caret) return -1;
  const at = offsetOf(map, caret[0], caret[1]);
  if (at < 0) return -1;
  // A caret between two characters may belong to the span before or after it.
  for (const probe of [at, at - 1]) {
    const i = matchAt(matches, probe);
    if (i < 0) continue;
    for (const rect of ranges[i].getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return i;
    }
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
