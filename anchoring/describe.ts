// Describes a selection of the main text as W3C TextQuote and TextPosition selectors.
import type { TextPosition, TextQuote } from '../model';
import { splitsPair, widenToCodePoints } from './code-points';
import { isIgnorable } from './fold';

/**
 * Context kept on each side, counted in characters that are not white space: a quote that opens a paragraph would
 * otherwise spend its prefix on the line break and indent, which anchoring ignores.
 */
export const CONTEXT_LENGTH = 32;

export function describeRange(text: string, start: number, end: number): { quote: TextQuote; position: TextPosition } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`describeRange: [${start}, ${end}) is not a range of a text of length ${text.length}`);
  }
  const range = widenToCodePoints(text, start, end);
  const prefixStart = contextEdge(text, range.start, -1);
  const suffixEnd = contextEdge(text, range.end, +1);
  return {
    quote: {
      exact: text.slice(range.start, range.end),
      prefix: text.slice(prefixStart, range.start),
      suffix: text.slice(range.end, suffixEnd),
    },
    position: range,
  };
}

/** Walks from `from` in direction `step` over CONTEXT_LENGTH significant code units, keeping pairs whole. */
function contextEdge(text: string, from: number, step: -1 | 1): number {
  let pos = from;
  let kept = 0;
  while (kept < CONTEXT_LENGTH && (step < 0 ? pos > 0 : pos < text.length)) {
    const code = text.charCodeAt(step < 0 ? pos - 1 : pos);
    pos += step;
    if (!isIgnorable(code)) kept++;
  }
  return splitsPair(text, pos) ? pos - step : pos;
}
