// Re-anchors stored annotations in the main text of a page that may have changed since: first the verbatim quote
// (disambiguated by its context), then approximate matching, and last the stored position if the quote is still
// there verbatim but nothing around it vouches for it. Returns null rather than a doubtful anchor; the caller shows
// such an annotation as an orphan.
import type { TextPosition, TextQuote } from '../model';
import { contextCandidates, exactCandidates, quoteCandidates, type Found, type Window } from './candidates';
import { widenToCodePoints } from './code-points';
import { foldString, foldText, toFoldedIndex, toOriginalRange, type FoldedText } from './fold';
import { bestOf, isConvincing, judge, type Expected, type Judged } from './judge';

export interface AnchorResult {
  /** UTF-16 offsets into the text, end exclusive; the range starts and ends on a non-white-space character. */
  start: number;
  end: number;
  method: 'exact' | 'position' | 'fuzzy';
  /** 0–1: one minus the edit distance from the stored prefix+quote+suffix to what is there now, relative to its length. */
  score: number;
}

export interface AnchorSelectors {
  quote: TextQuote;
  position?: TextPosition;
}

export function anchorQuote(text: string, sel: AnchorSelectors): AnchorResult | null {
  return anchorInView(foldText(text), sel);
}

/** Anchors many annotations against one text, folding the text once. Results are in the order of `sels`. */
export function anchorMany(text: string, sels: readonly AnchorSelectors[]): (AnchorResult | null)[] {
  // Most pages have no annotations: folding their text for none would cost every page load a pass over it.
  if (sels.length === 0) return [];
  const view = foldText(text);
  return sels.map((sel) => anchorInView(view, sel));
}

function anchorInView(view: FoldedText, sel: AnchorSelectors): AnchorResult | null {
  const exp: Expected = {
    quote: foldString(sel.quote.exact),
    prefix: foldString(sel.quote.prefix),
    suffix: foldString(sel.quote.suffix),
    hint: sel.position?.start,
  };
  if (exp.quote.length === 0) return null;

  // The common case on a revisit: the page is unchanged, and quote and context occur together verbatim, once.
  // One string search settles it, with none of the scoring below (which costs tens of milliseconds for a page's
  // 200 annotations when its code is cold, as it is on every page load).
  const whole = exp.prefix + exp.quote + exp.suffix;
  const at = view.folded.indexOf(whole);
  if (at >= 0 && view.folded.indexOf(whole, at + 1) < 0) {
    const start = at + exp.prefix.length;
    return toResult(view, { start, end: start + exp.quote.length }, 'exact', 1);
  }

  const exact = exactCandidates(view.folded, exp.quote);
  const kept = convincing(view, exp, exact);
  const exactHit = bestOf(kept);
  // Verbatim quote in verbatim context: nothing approximate can do better.
  if (exactHit && exactHit.prefixErrors + exactHit.suffixErrors === 0) {
    return toResult(view, exactHit, 'exact', exactHit.score);
  }

  // A verbatim quote in a half-matching context may be a twin of the passage (reports repeat their formulas) while
  // the passage itself, lightly edited, sits in its own context elsewhere: weigh both kinds of candidate together.
  // Searches widen step by step, since one approximate search costs a few milliseconds per 100 000 characters:
  // near the stored position first, then the whole text, then the quote alone for a passage whose context was
  // rewritten (pointless when the quote occurs verbatim: it would return only those occurrences).
  const near = nearStoredPosition(view, exp);
  const searches: (() => Found[])[] = [
    ...(near ? [() => contextCandidates(view.folded, exp, near)] : []),
    () => contextCandidates(view.folded, exp),
    ...(exact.length === 0 ? [() => quoteCandidates(view.folded, exp)] : []),
  ];
  for (const search of searches) {
    kept.push(...convincing(view, exp, search()));
    const hit = bestOf(kept);
    if (hit) return toResult(view, hit, hit.quoteErrors === 0 ? 'exact' : 'fuzzy', hit.score);
  }
  return quoteAtPosition(view, sel, exp);
}

/** Text inserted or removed elsewhere rarely moves a passage by more than this (folded code units). */
const NEAR_REACH = 2048;

/** The stretch around the stored position, or undefined if there is none or it would be most of the text anyway. */
function nearStoredPosition(view: FoldedText, exp: Expected): Window | undefined {
  if (exp.hint === undefined) return undefined;
  const at = toFoldedIndex(view, exp.hint);
  const span = exp.prefix.length + exp.quote.length + exp.suffix.length;
  const from = Math.max(0, at - exp.prefix.length - NEAR_REACH);
  const to = Math.min(view.folded.length, at + span + NEAR_REACH);
  return to - from < view.folded.length / 2 ? { from, to } : undefined;
}

function convincing(view: FoldedText, exp: Expected, found: Found[]): Judged[] {
  return found.map((f) => judge(view, exp, f)).filter((j, i) => isConvincing(exp, j, found[i].unique));
}

/** The stored position still holds the quote verbatim: trusted even when the context around it was rewritten. */
function quoteAtPosition(view: FoldedText, sel: AnchorSelectors, exp: Expected): AnchorResult | null {
  const pos = sel.position;
  const text = view.original;
  if (!pos || pos.start < 0 || pos.end > text.length || pos.start >= pos.end) return null;
  if (text.slice(pos.start, pos.end) !== sel.quote.exact) return null;
  const start = toFoldedIndex(view, pos.start);
  const judged = judge(view, exp, { start, end: start + exp.quote.length, quoteErrors: 0 });
  return { start: pos.start, end: pos.end, method: 'position', score: judged.score };
}

function toResult(view: FoldedText, j: { start: number; end: number }, method: AnchorResult['method'], score: number): AnchorResult {
  const range = toOriginalRange(view, j.start, j.end);
  const { start, end } = widenToCodePoints(view.original, range.start, range.end);
  return { start, end, method, score };
}
