// Offsets are UTF-16 code units. A range must never cut an astral character (a rare ideograph from CJK Extension B,
// an emoji) in half, or the highlighted text would carry a lone surrogate; ranges are widened to whole code points.

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `pos` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, pos: number): boolean {
  return pos > 0 && pos < text.length && isHigh(text.charCodeAt(pos - 1)) && isLow(text.charCodeAt(pos));
}

/** Widens [start, end) so that neither end splits a surrogate pair. */
export function widenToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: splitsPair(text, start) ? start - 1 : start,
    end: splitsPair(text, end) ? end + 1 : end,
  };
}

/**
 * Converts offsets between UTF-16 code units (JavaScript strings) and Unicode code points (what REFI-QDA and most
 * other tools count). Only astral characters differ; their places are found once, so each conversion is a binary
 * search and a text without any (the usual report) costs nothing.
 */
export interface CodePointIndex {
  /** Code points before UTF-16 offset `unit` (an offset inside a pair counts the pair's character as before it). */
  toCodePoint(unit: number): number;
  /** UTF-16 offset of the code point numbered `point`; points past the end map past the end. */
  toUnit(point: number): number;
}

export function codePointIndex(text: string): CodePointIndex {
  // UTF-16 offsets of the high surrogates of pairs, ascending.
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      pairs.push(i);
      i++;
    }
  }
  /** How many of `pairs` satisfy `before(pair)`, which holds for a prefix of them. */
  const countWhile = (before: (pair: number, k: number) => boolean) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(pairs[mid], mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    toCodePoint: (unit) => (pairs.length ? unit - countWhile((p) => p + 1 < unit) : unit),
    // The k-th pair starts at code point pairs[k] - k.
    toUnit: (point) => (pairs.length ? point + countWhile((p, k) => p - k < point) : point),
  };
}

/**
 * A position Pizhu stored before schema 5, in UTF-16 units of the page's main text, counted in code points; when
 * `text` (the page's snapshot) no longer holds the quote there, undefined: anchoring the quote finds it again.
 */
export function legacyPositionInCodePoints(
  text: string,
  position: { start: number; end: number },
  exact: string | undefined,
): { start: number; end: number } | undefined {
  if (text.slice(position.start, position.end) !== exact) return undefined;
  const index = codePointIndex(text);
  return { start: index.toCodePoint(position.start), end: index.toCodePoint(position.end) };
}

/** The text holds characters outside the Basic Multilingual Plane, where UTF-16 units and code points differ. */
export function hasAstral(text: string): boolean {
  return /[\ud800-\udbff][\udc00-\udfff]/.test(text);
}
