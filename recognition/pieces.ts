// Long texts are recognised piece by piece, with pauses between the pieces (the content script's scan, the
// library reading stored reports). Nothing is recognised across a clause end, nor across a line end but one: a
// figure whose number ends a printed line and whose unit starts the next (a report converted from PDF, 6.6 / 亿元:
// figures.ts, unitAfterWrap). Pieces are cut at the others, so they find exactly what one run over the whole finds.

import { digitAt, isBlankAt, MAX_WRAP_GAP } from './chars';
import { isMagnitudeBefore } from './units';

/** Punctuation that ends a clause: nothing recognised runs across it, nor across a line end. */
const CLAUSE_ENDS = /[\n。，；！？]/g;
const isClauseEnd = (c: number) => c === 0x0a || c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 0xff01 || c === 0xff1f;

/**
 * The end of the next piece of text[at, end) to recognise, about `size` long: after the last line end or clause end
 * within it, so that no number is cut in two; when the piece holds none, at the next one after it.
 */
export function pieceEnd(text: string, at: number, size: number, end: number): number {
  const limit = Math.min(end, at + size);
  if (limit === end) return end;
  let lineEnd = text.lastIndexOf('\n', limit - 1);
  while (lineEnd >= at && mayRunOn(text, lineEnd)) lineEnd = text.lastIndexOf('\n', lineEnd - 1);
  if (lineEnd >= at) return lineEnd + 1;
  // Within a long line, the last clause end of the piece's tail (looking no further back than that).
  for (let i = limit - 1; i > at && i >= limit - 256; i--) {
    if (isClauseEnd(text.charCodeAt(i)) && !mayRunOn(text, i)) return i + 1;
  }
  CLAUSE_ENDS.lastIndex = limit;
  while (CLAUSE_ENDS.test(text)) if (!mayRunOn(text, CLAUSE_ENDS.lastIndex - 1)) return Math.min(end, CLAUSE_ENDS.lastIndex);
  return end;
}

/**
 * Whether a figure may run on across the line end at text[i]: the line (and any blank lines after it) comes after a
 * digit or a magnitude, so its unit may stand at the start of the next line. Looks back over blank lines a little way
 * only, as the figures do.
 */
function mayRunOn(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0x0a) return false;
  let k = i - 1;
  while (k >= 0 && i - k <= MAX_WRAP_GAP && isBlankAt(text, k)) k--;
  return k >= 0 && (digitAt(text, k) >= 0 || isMagnitudeBefore(text, k + 1));
}

/** text[start, end) as [from, to) pieces of about `size` characters, each cut as pieceEnd cuts. */
export function* linePieces(text: string, start: number, end: number, size: number): Generator<[number, number]> {
  for (let at = start; at < end; ) {
    const cut = pieceEnd(text, at, size, end);
    yield [at, cut];
    at = cut;
  }
}
