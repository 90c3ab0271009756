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
