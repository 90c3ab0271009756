// Long texts are recognised piece by piece, with pauses between the pieces (the content script's scan, the
// library reading stored reports). Nothing is recognised across a line end or a clause end, so pieces cut there
// find exactly what one run over the whole text finds.

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
  const lineEnd = text.lastIndexOf('\n', limit - 1);
  if (lineEnd >= at) return lineEnd + 1;
  // Within a long line, the last clause end of the piece's tail (looking no further back than that).
  for (let i = limit - 1; i > at && i >= limit - 256; i--) if (isClauseEnd(text.charCodeAt(i))) return i + 1;
  CLAUSE_ENDS.lastIndex = limit;
  return CLAUSE_ENDS.test(text) ? Math.min(end, CLAUSE_ENDS.lastIndex) : end;
}

/** text[start, end) as [from, to) pieces of about `size` characters, each cut as pieceEnd cuts. */
export function* linePieces(text: string, start: number, end: number, size: number): Generator<[number, number]> {
  for (let at = start; at < end; ) {
    const cut = pieceEnd(text, at, size, end);
    yield [at, cut];
    at = cut;
  }
}
