// The sentence a match stands in, as the exports and the library's indicator table quote it.

// A sentence ends at 。！？； or a line end; the ASCII forms appear in copied text.
const SENTENCE_END = /[。！？；!?;\n]/;

/** The sentence around text[start, end), trimmed of the white space and indentation reports use. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to])) to++;
  if (to < text.length && text[to] !== '\n') to++; // keep the full stop
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}
