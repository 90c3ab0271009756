// Matching runs over a folded view of the main text, so that changes that carry no meaning cannot defeat anchoring:
// a CMS redesign re-indents paragraphs (\u3000\u3000 → spaces or nothing), re-wraps lines, swaps NBSP for spaces,
// or switches between full-width and ASCII punctuation and digits. White space is dropped outright rather than
// collapsed, because in Chinese text a line break can fall between any two characters and must cost nothing.
// Every folded code unit remembers where it came from, so a folded match maps back to the real text.

export interface FoldedText {
  /** The text as it was given. */
  original: string;
  /** White space removed, full-width ASCII folded to ASCII. */
  folded: string;
  /** starts[i] is the index in `original` of folded code unit i (strictly increasing). */
  starts: Int32Array;
}

/** True for code units the folded view drops: white space, and invisible format characters editors leave behind. */
export function isIgnorable(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || // NBSP
    code === 0xad || // soft hyphen
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) || // en/em/thin spaces, zero-width space and joiners
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 || // ideographic space, the paragraph indent of Chinese documents
    code === 0xfeff
  );
}

/** Full-width forms of ASCII (！ to ～) fold to ASCII; everything else is kept as is. */
function foldCode(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
}

export function foldText(original: string): FoldedText {
  const starts = new Int32Array(original.length);
  const codes: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (isIgnorable(code)) continue;
    starts[codes.length] = i;
    codes.push(foldCode(code));
  }
  return { original, folded: codesToString(codes), starts: starts.slice(0, codes.length) };
}

export function foldString(s: string): string {
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (!isIgnorable(code)) codes.push(foldCode(code));
  }
  return codesToString(codes);
}

/** The original range covered by folded units [start, end); empty folded ranges map to an empty range. */
export function toOriginalRange(view: FoldedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < view.starts.length ? view.starts[start] : view.original.length;
    return { start: at, end: at };
  }
  return { start: view.starts[start], end: view.starts[end - 1] + 1 };
}

/** The index of the first folded unit that comes from `pos` or later in the original text. */
export function toFoldedIndex(view: FoldedText, pos: number): number {
  let lo = 0;
  let hi = view.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (view.starts[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// String.fromCharCode with a spread overflows the call stack on long texts, so convert in slices.
function codesToString(codes: number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}
