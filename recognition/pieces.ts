// Long texts are recognised piece by piece, with pauses between the pieces (the content script's scan, the
// library reading stored reports). Nothing is recognised across a line end, so pieces cut at line ends find
// exactly what one run over the whole text finds.

/** text[start, end) as [from, to) pieces of at most `size` characters, each cut at a line end where it has one. */
export function* linePieces(text: string, start: number, end: number, size: number): Generator<[number, number]> {
  for (let at = start; at < end; ) {
    let cut = Math.min(end, at + size);
    if (cut < end) {
      const lineEnd = text.lastIndexOf('\n', cut);
      if (lineEnd > at) cut = lineEnd;
    }
    yield [at, cut];
    at = cut;
  }
}
