// Long texts are recognised piece by piece, with pauses between the pieces (the content script's scan, the
// library reading stored reports). Nothing is recognised across a clause end, nor across a line end but where a
// printed line wrapped inside a number (a report converted from PDF): a figure's number and its unit (6.6 / 亿元:
// figures.ts, unitAfterWrap), or two parts of a document number (国发 / 〔2015〕68号: docno.ts, partAfter). Pieces
// are cut at the others, so they find exactly what one run over the whole finds.

import { afterLineWrap, CharSet, CLOSE_BRACKETS, digitAt, isBlankAt, MAX_WRAP_GAP, OPEN_BRACKETS } from './chars';
import { isMagnitudeBefore } from './units';

/** Punctuation that ends a clause: nothing recognised runs across it, nor across a line end. */
const CLAUSE_ENDS = /[\n。，；！？]/g;
const isClauseEnd = (c: number) => c === 0x0a || c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 0xff01 || c === 0xff1f;

/**
 * The end of the next piece of text[at, end) to recognise, about `size` long: after the last line end or clause end
 * within it, so that no number is cut in two; when the piece holds none, at the next one after it. Never inside a
 * printed line that runs on into the next: the recognisers judge a wrap by the length of the whole line.
 */
export function pieceEnd(text: string, at: number, size: number, end: number): number {
  const limit = Math.min(end, at + size);
  if (limit === end) return end;
  let lineEnd = text.lastIndexOf('\n', limit - 1);
  while (lineEnd >= at && mayRunOn(text, lineEnd)) lineEnd = text.lastIndexOf('\n', lineEnd - 1);
  if (lineEnd >= at) return lineEnd + 1;
  // The end of the line holding `limit`, and whether that line runs on (found once per line).
  let nextLineEnd = lineEndAfter(text, limit);
  let runsOn = lineRunsOn(text, nextLineEnd);
  if (!runsOn) {
    // Within that line, the last clause end of the piece's tail (looking no further back than that, nor into the
    // lines before it: they run on, or the line end after them would have been the cut).
    for (let i = limit - 1; i > at && i >= limit - 256 && text.charCodeAt(i) !== 0x0a; i--) {
      if (isClauseEnd(text.charCodeAt(i))) return i + 1;
    }
  }
  CLAUSE_ENDS.lastIndex = limit;
  while (CLAUSE_ENDS.test(text)) {
    const c = CLAUSE_ENDS.lastIndex - 1;
    if (text.charCodeAt(c) === 0x0a) {
      if (!mayRunOn(text, c)) return Math.min(end, c + 1);
      continue;
    }
    if (c > nextLineEnd) {
      nextLineEnd = lineEndAfter(text, c);
      runsOn = lineRunsOn(text, nextLineEnd);
    }
    if (!runsOn) return Math.min(end, c + 1);
  }
  return end;
}

/**
 * The line end at or after i; when none is within MAX_PRINTED_LINE, where that reach ends (a line that long is no
 * printed line, and the search stays bounded on a text of one long line).
 */
function lineEndAfter(text: string, i: number): number {
  const n = text.slice(i, i + MAX_PRINTED_LINE).indexOf('\n');
  return n < 0 ? Math.min(text.length, i + MAX_PRINTED_LINE) : i + n;
}

/** Whether the line ending at lineEnd (from lineEndAfter) is a printed line that runs on into the next. */
function lineRunsOn(text: string, lineEnd: number): boolean {
  return text.charCodeAt(lineEnd) === 0x0a && mayRunOn(text, lineEnd);
}

/** A line longer than this is no printed line of a converted PDF: pieceEnd looks no further for the end of one. */
const MAX_PRINTED_LINE = 512;

/** What a document number's part wrapped onto a new line may start with (〔2015〕, 第45号, 68号, 号), and end with. */
const DOCNO_PART_STARTS = new CharSet('第号號');
const DOCNO_PART_ENDS = new CharSet('第令告年');

/**
 * Whether a number may run on across the line end at text[i]: the line (and any blank lines after it) comes after a
 * digit or a magnitude, so a figure's unit may stand at the start of the next line; or a long line wraps between
 * what may be two parts of a document number. Looks back over blank lines a little way only, as the recognisers do.
 */
function mayRunOn(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0x0a) return false;
  let k = i - 1;
  while (k >= 0 && i - k <= MAX_WRAP_GAP && isBlankAt(text, k)) k--;
  if (k < 0) return false;
  if (digitAt(text, k) >= 0 || isMagnitudeBefore(text, k + 1)) return true;
  // The wrap as the document numbers see it: from the first line break after the line's last character.
  const lineBreak = text.indexOf('\n', k);
  const next = afterLineWrap(text, lineBreak);
  if (next === lineBreak) return false;
  return OPEN_BRACKETS.at(text, k) || CLOSE_BRACKETS.at(text, k) || DOCNO_PART_ENDS.at(text, k)
    || OPEN_BRACKETS.at(text, next) || CLOSE_BRACKETS.at(text, next) || DOCNO_PART_STARTS.at(text, next) || digitAt(text, next) >= 0;
}

/** text[start, end) as [from, to) pieces of about `size` characters, each cut as pieceEnd cuts. */
export function* linePieces(text: string, start: number, end: number, size: number): Generator<[number, number]> {
  for (let at = start; at < end; ) {
    const cut = pieceEnd(text, at, size, end);
    yield [at, cut];
    at = cut;
  }
}
