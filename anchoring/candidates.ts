// Where a remembered quote might be now, in folded coordinates. Three searches, from cheap and certain to costly
// and loose: verbatim occurrences of the quote; approximate occurrences of prefix+quote+suffix as one pattern
// (finds an edited quote, even a short one, by its intact surroundings); approximate occurrences of the quote
// alone (finds a passage whose surroundings were rewritten).
//
// approx-string-match (Myers' bit-parallel algorithm, 32 pattern units per machine word, longer patterns in
// blocks of 32) takes patterns of any length at O(errors / 32 × text length); capping the error budget keeps
// long paragraphs as fast as sentences. It reports only the matches with the fewest errors.
import approxSearch from 'approx-string-match';
import { alignFlush, editDistance } from './edit-distance';
import type { Candidate, Expected } from './judge';

export interface Found extends Candidate {
  /** The search found this location and no other equally good one, so the quote by itself identifies it. */
  unique: boolean;
}

/** Share of the pattern that may differ in an approximate search. */
const SEARCH_ERROR_RATE = 0.2;
/** Upper bound on the error budget: beyond it the passage is rewritten rather than edited, and search slows. */
const MAX_SEARCH_ERRORS = 64;

export function exactCandidates(folded: string, quote: string): Found[] {
  const found: Found[] = [];
  for (let at = folded.indexOf(quote); at !== -1; at = folded.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, quoteErrors: 0, unique: false });
  }
  if (found.length === 1) found[0].unique = true;
  return found;
}

/** A stretch of the folded text to search, [from, to). */
export interface Window {
  from: number;
  to: number;
}

/** Searches prefix+quote+suffix within `window` (the whole text by default). */
export function contextCandidates(folded: string, exp: Expected, window?: Window): Found[] {
  if (exp.prefix.length === 0 && exp.suffix.length === 0) return [];
  const pattern = exp.prefix + exp.quote + exp.suffix;
  const from = window?.from ?? 0;
  const matches = approxSearch(folded.slice(from, window?.to ?? folded.length), pattern, budget(pattern.length));
  const found: Found[] = [];
  const seen = new Set<string>();
  for (const m of matches) {
    // The quote lies between where the prefix ends and where the suffix begins.
    const start = from + m.start + alignFlush(exp.prefix, folded, from + m.start, 'after').extent;
    const end = Math.max(start, from + m.end - alignFlush(exp.suffix, folded, from + m.end, 'before').extent);
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const quoteErrors = editDistance(exp.quote, folded.slice(start, end), exp.quote.length);
    found.push({ ...settleEdges(folded, exp, { start, end, quoteErrors }), unique: false });
  }
  return found;
}

export function quoteCandidates(folded: string, exp: Expected): Found[] {
  const matches = approxSearch(folded, exp.quote, Math.max(1, budget(exp.quote.length)));
  const found: Found[] = [];
  for (const m of matches) {
    const last = found[found.length - 1];
    // Myers reports every end offset of a match; overlapping reports are one location.
    if (last && m.start < last.end) continue;
    found.push({ ...settleEdges(folded, exp, { start: m.start, end: m.end, quoteErrors: m.errors }), unique: false });
  }
  if (found.length === 1) found[0].unique = true;
  return found;
}

/** How far an edge may move when settling it. */
const EDGE_REACH = 3;

/**
 * Moves each edge of an approximate match to where prefix, quote and suffix together need the fewest edits. On a
 * tie the edge stays where the alignment put it: a character typed at the very edge of a passage may belong to it
 * or to its context, and no rule settles that (trying "tightest" or "closest to the stored length" instead moved
 * as many edges wrongly as rightly in the acceptance test).
 */
function settleEdges(folded: string, exp: Expected, cand: Candidate): Candidate {
  const before = memo((at) => alignFlush(exp.prefix, folded, at, 'before').errors);
  const after = memo((at) => alignFlush(exp.suffix, folded, at, 'after').errors);
  let { start, end, quoteErrors } = cand;
  let cost = quoteErrors + before(start) + after(end);
  const tryEdges = (s: number, e: number) => {
    if (s < 0 || e > folded.length || e <= s) return;
    const context = before(s) + after(e);
    if (context >= cost) return;
    const q = editDistance(exp.quote, folded.slice(s, e), cost - context - 1);
    if (q + context < cost) [start, end, quoteErrors, cost] = [s, e, q, q + context];
  };
  const [s0, e0] = [start, end];
  for (let s = s0 - EDGE_REACH; s <= s0 + EDGE_REACH; s++) if (s !== s0) tryEdges(s, end);
  for (let e = e0 - EDGE_REACH; e <= e0 + EDGE_REACH; e++) if (e !== e0) tryEdges(start, e);
  return { start, end, quoteErrors };
}

function memo(f: (at: number) => number): (at: number) => number {
  const known = new Map<number, number>();
  return (at) => {
    let v = known.get(at);
    if (v === undefined) known.set(at, (v = f(at)));
    return v;
  };
}

function budget(length: number): number {
  return Math.min(MAX_SEARCH_ERRORS, Math.floor(length * SEARCH_ERROR_RATE));
}
