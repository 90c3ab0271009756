// How candidate anchors are ranked and when one is good enough to keep. A wrong highlight misleads a reader more
// than a missing one (an orphan stays listed with its quote), so acceptance asks for evidence beyond a similar quote:
// the surrounding text must agree, or the quote must be long, near-verbatim and found in one place only.
import { alignFlush } from './edit-distance';
import type { FoldedText } from './fold';

/** What the annotation remembers, in folded form; `hint` is the stored start offset in the original text. */
export interface Expected {
  quote: string;
  prefix: string;
  suffix: string;
  hint?: number;
}

/** A candidate range in folded coordinates with the quote's edit distance to it. */
export interface Candidate {
  start: number;
  end: number;
  quoteErrors: number;
}

export interface Judged extends Candidate {
  prefixErrors: number;
  suffixErrors: number;
  /** Distance in the original text from the stored start offset; 0 when none was stored. */
  drift: number;
  /** Edits needed if the quote were gone and the text around the candidate were context only. */
  deletionErrors: number;
  /** 0–1: one minus the edit distance of prefix, quote and suffix together, relative to their length. */
  score: number;
}

/**
 * Below this, the region is more edit than quote. A short quote with half its characters changed is still the
 * passage if its context is intact.
 */
const MIN_QUOTE_SIMILARITY = 0.5;
/**
 * "Edited by a few characters" changes a passage's length by a few characters. A candidate much shorter or longer
 * than the quote is the aligner trading quote for context at an ambiguous edge (压缩至92项 → 精简至92项 with the
 * next words deleted came out as the quote cut short): better an orphan than a truncated anchor.
 */
const MAX_LENGTH_CHANGE = { chars: 3, share: 0.2 };
/** Quote and context together may differ by at most this share of their length. */
const MAX_OVERALL_ERROR_RATE = 0.2;
/** Context must be at least this similar (prefix and suffix pooled) to vouch for a candidate. */
const MIN_CONTEXT_SIMILARITY = 0.75;
/** Fewer context characters than this say too little (the quote covers nearly the whole text). */
const MIN_CONTEXT_LENGTH = 8;
/**
 * A near-verbatim quote with one side of its context intact is kept even when the other side is gone (the next
 * sentence deleted or rewritten), provided that side is long enough to be specific and all but verbatim: reports
 * repeat formulas (the Zhangdian report cites two 印发〈关于推行法律顾问制度…〉 notices a line apart), and a
 * twin's context can differ from the original's by only a few characters.
 */
const ONE_SIDE_MIN_SIMILARITY = 0.97;
const ONE_SIDE_MIN_LENGTH = 24;
/**
 * A quote this long that is found in one place only identifies the passage on its own, even if its context was
 * rewritten (a moved paragraph).
 */
const STANDALONE_QUOTE_LENGTH = 32;
/** Near-verbatim: at most one edit in twenty characters, so a quote under twenty characters must be verbatim. */
const NEAR_VERBATIM_ERROR_RATE = 0.05;

// Candidates are ranked by their edit distance from the stored prefix+quote+suffix taken as one string: where an
// edit at the edge of a passage fell (in the quote or in its context) then does not change which candidate wins,
// and the boundaries come out where the fewest edits put them. The stored position only breaks ties (see bestOf),
// so that of two identical occurrences in identical context the one where the annotation was made wins.
export function judge(view: FoldedText, exp: Expected, cand: Candidate): Judged {
  const prefixErrors = alignFlush(exp.prefix, view.folded, cand.start, 'before').errors;
  const suffixErrors = alignFlush(exp.suffix, view.folded, cand.end, 'after').errors;
  const origin = cand.start < view.starts.length ? view.starts[cand.start] : view.original.length;
  const drift = exp.hint === undefined ? 0 : Math.abs(origin - exp.hint);
  const length = exp.prefix.length + exp.quote.length + exp.suffix.length;
  const score = similarity(cand.quoteErrors + prefixErrors + suffixErrors, length);
  // The same text explained as context alone, the quote deleted, splitting at either edge of the candidate.
  const splitAtStart = prefixErrors + alignFlush(exp.suffix, view.folded, cand.start, 'after').errors;
  const splitAtEnd = alignFlush(exp.prefix, view.folded, cand.end, 'before').errors + suffixErrors;
  const deletionErrors = exp.quote.length + Math.min(splitAtStart, splitAtEnd);
  return { ...cand, prefixErrors, suffixErrors, deletionErrors, drift, score };
}

/** `unique`: the quote search found this one location and no other at the same edit distance. */
export function isConvincing(exp: Expected, j: Judged, unique: boolean): boolean {
  const quoteLength = exp.quote.length;
  if (j.end <= j.start || similarity(j.quoteErrors, quoteLength) < MIN_QUOTE_SIMILARITY) return false;
  if (Math.abs(j.end - j.start - quoteLength) > Math.max(MAX_LENGTH_CHANGE.chars, quoteLength * MAX_LENGTH_CHANGE.share)) return false;
  const contextLength = exp.prefix.length + exp.suffix.length;
  const contextErrors = j.prefixErrors + j.suffixErrors;
  // A short quote can be half rebuilt from its own context (号11370 deleted before 1130042…): the candidate must
  // explain the text better than the passage having been deleted.
  if (j.quoteErrors + contextErrors >= j.deletionErrors) return false;
  const contextVouches =
    contextLength >= MIN_CONTEXT_LENGTH &&
    similarity(contextErrors, contextLength) >= MIN_CONTEXT_SIMILARITY &&
    1 - j.score <= MAX_OVERALL_ERROR_RATE;
  const nearVerbatim = j.quoteErrors <= quoteLength * NEAR_VERBATIM_ERROR_RATE;
  const oneSideVouches =
    nearVerbatim &&
    (sideVouches(exp.prefix.length, j.prefixErrors) || sideVouches(exp.suffix.length, j.suffixErrors));
  const quoteStandsAlone = unique && quoteLength >= STANDALONE_QUOTE_LENGTH && nearVerbatim;
  return contextVouches || oneSideVouches || quoteStandsAlone;
}

/** Fewest edits overall; then the verbatim quote over an edited one; then the nearest to the stored position. */
export function bestOf(judged: Judged[]): Judged | undefined {
  let best: Judged | undefined;
  for (const j of judged) if (!best || ranksAbove(j, best)) best = j;
  return best;
}

function ranksAbove(a: Judged, b: Judged): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.quoteErrors !== b.quoteErrors) return a.quoteErrors < b.quoteErrors;
  return a.drift < b.drift;
}

function sideVouches(length: number, errors: number): boolean {
  return length >= ONE_SIDE_MIN_LENGTH && similarity(errors, length) >= ONE_SIDE_MIN_SIMILARITY;
}

function similarity(errors: number, length: number): number {
  return length === 0 ? 1 : Math.max(0, 1 - errors / length);
}
