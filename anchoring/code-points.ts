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
 * Converts offsets of one text between UTF-16 units (JavaScript's) and code points (the W3C model's, in which
 * TextPositionSelectors count). Built once per text; on a text without astral characters, as almost every page is,
 * both directions are the identity.
 */
export interface CodePointIndex {
  toCodePoints(utf16: number): number;
  toUtf16(codePoints: number): number;
}

export function codePointIndex(text: string): CodePointIndex {
  // UTF-16 offsets of the high halves of the text's surrogate pairs, ascending.
  const pairs: number[] = [];
  for (let i = text.search(/[\ud800-\udbff][\udc00-\udfff]/); i !== -1 && i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) pairs.push(i++);
  }
  if (pairs.length === 0) return { toCodePoints: (u) => u, toUtf16: (c) => c };
  /** Pairs that end at or before `u`: each counts two units but one code point. */
  const before = (u: number) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid] + 2 <= u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    toCodePoints: (u) => u - before(u),
    toUtf16(c) {
      let u = c;
      for (const p of pairs) {
        if (p >= u) break;
        u++;
      }
      return u;
    },
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
  return { start: index.toCodePoints(position.start), end: index.toCodePoints(position.end) };
}

/** The text holds characters outside the Basic Multilingual Plane, where UTF-16 units and code points differ. */
export function hasAstral(text: string): boolean {
  return /[\ud800-\udbff][\udc00-\udfff]/.test(text);
}
