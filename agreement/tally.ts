// The coding data of one term as counts, built by sweeping intervals rather than visiting units: a page of 10,000
// characters coded by two coders costs as much as their annotations, not as its characters. What a coder marked on a
// page is a sorted list of disjoint unit-index intervals (for characters, the character offsets themselves); every
// unit outside them was coded "not applied" by that coder — if the coder coded the page at all.
//
// For binary data (applied / not applied) the statistics need no more than:
//   profile  units by (m, c): m coders coded the unit, c of them applied the term — enough for percent agreement,
//            Fleiss' κ and Krippendorff's α (statistics.ts takes each (m, c) as a unit row weighted by its count);
//   pairs    for each pair of coders, their 2 × 2 table over the units both coded — for Cohen's κ and the
//            coder × coder matrix.
import type { CodingTable, ContingencyTable } from './statistics';

/** Flat [start0, end0, start1, end1, …], sorted and disjoint. */
export type Intervals = number[];

export interface BinaryTally {
  coders: number;
  /** profile[m × (coders + 1) + c]: units coded by m coders of whom c applied the term. */
  profile: Float64Array;
  /** 4 per pair (i < j, see pairIndex): units both coded as [neither, only j, only i, both]. */
  pairs: Float64Array;
  /** Per coder: units the coder applied the term to. */
  applied: Float64Array;
  /** Per coder: units the coder coded (those of the pages they annotated). */
  coded: Float64Array;
}

export function pairCount(coders: number): number {
  return (coders * (coders - 1)) / 2;
}

/** Position of the pair (i, j), i < j, among all pairs in the order (0,1), (0,2) … (1,2) … */
export function pairIndex(i: number, j: number, coders: number): number {
  return i * coders - (i * (i + 1)) / 2 + (j - i - 1);
}

export function emptyTally(coders: number): BinaryTally {
  return {
    coders,
    profile: new Float64Array((coders + 1) * (coders + 1)),
    pairs: new Float64Array(4 * pairCount(coders)),
    applied: new Float64Array(coders),
    coded: new Float64Array(coders),
  };
}

export function addTally(into: BinaryTally, from: BinaryTally): void {
  const add = (a: Float64Array, b: Float64Array) => {
    for (let i = 0; i < a.length; i++) a[i] += b[i];
  };
  add(into.profile, from.profile);
  add(into.pairs, from.pairs);
  add(into.applied, from.applied);
  add(into.coded, from.coded);
}

// Offsets below 2^26 (a text of 64 M code units) pack with their end into one exact double, so that a plain
// numeric sort orders intervals by start without a comparator.
const PACK = 2 ** 26;

/** Sorts and merges [start, end) pairs (flat) into a new list of disjoint intervals; empty pairs are dropped. */
export function mergeIntervals(flat: readonly number[]): Intervals {
  const n = flat.length / 2;
  const keys = new Float64Array(n);
  let packable = true;
  for (let i = 0; i < n; i++) {
    if (flat[2 * i + 1] >= PACK) packable = false;
    keys[i] = flat[2 * i] * PACK + flat[2 * i + 1];
  }
  const order: Array<[number, number]> = [];
  if (packable) {
    keys.sort();
    for (const k of keys) {
      const s = Math.floor(k / PACK);
      order.push([s, k - s * PACK]);
    }
  } else {
    for (let i = 0; i < n; i++) order.push([flat[2 * i], flat[2 * i + 1]]);
    order.sort((a, b) => a[0] - b[0]);
  }
  const out: Intervals = [];
  for (const [s, e] of order) {
    if (e <= s) continue;
    if (out.length > 0 && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return out;
}

function length(iv: Intervals | undefined): number {
  let n = 0;
  if (iv) for (let k = 0; k < iv.length; k += 2) n += iv[k + 1] - iv[k];
  return n;
}

function overlap(a: Intervals | undefined, b: Intervals | undefined): number {
  if (!a || !b) return 0;
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i], b[j]);
    const e = Math.min(a[i + 1], b[j + 1]);
    if (e > s) n += e - s;
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return n;
}

/**
 * Adds one page's units to a tally: `units` units, coded by the coders in `coded` (indices), of whom coder i
 * applied the term on `marks[i]` (undefined or empty: nowhere). `sign` −1 takes a page back out.
 */
export function addPage(
  into: BinaryTally,
  units: number,
  coded: readonly number[],
  marks: readonly (Intervals | undefined)[],
  sign: 1 | -1 = 1,
): void {
  const M = into.coders;
  const m = coded.length;
  if (m === 0 || units === 0) return;
  for (const i of coded) {
    into.applied[i] += sign * length(marks[i]);
    into.coded[i] += sign * units;
  }
  for (let x = 0; x < m; x++) {
    for (let y = x + 1; y < m; y++) {
      const i = Math.min(coded[x], coded[y]);
      const j = Math.max(coded[x], coded[y]);
      const both = overlap(marks[i], marks[j]);
      const onlyI = length(marks[i]) - both;
      const onlyJ = length(marks[j]) - both;
      const p = 4 * pairIndex(i, j, M);
      into.pairs[p] += sign * (units - both - onlyI - onlyJ);
      into.pairs[p + 1] += sign * onlyJ;
      into.pairs[p + 2] += sign * onlyI;
      into.pairs[p + 3] += sign * both;
    }
  }
  // How many coders applied the term, from one unit boundary to the next: each event is position × 2, plus 1 for
  // an interval's start, so that one numeric sort orders them.
  let count = 0;
  for (const i of coded) count += marks[i]?.length ?? 0;
  const row = m * (M + 1);
  if (count === 0) {
    into.profile[row] += sign * units;
    return;
  }
  const events = new Float64Array(count);
  let k = 0;
  for (const i of coded) {
    const iv = marks[i];
    if (!iv) continue;
    for (let q = 0; q < iv.length; q += 2) {
      events[k++] = iv[q] * 2 + 1;
      events[k++] = iv[q + 1] * 2;
    }
  }
  events.sort();
  let at = 0;
  let applying = 0;
  for (let q = 0; q < events.length; q++) {
    const e = events[q];
    const pos = Math.floor(e / 2);
    if (pos > at) {
      into.profile[row + applying] += sign * (pos - at);
      at = pos;
    }
    applying += e % 2 === 1 ? 1 : -1;
  }
  into.profile[row] += sign * (units - at);
}

/** The tally as coding data for percent agreement, Fleiss' κ and α: categories 0 (not applied) and 1 (applied). */
export function codingTableOf(t: BinaryTally): CodingTable<0 | 1> {
  const M = t.coders;
  const units = [];
  for (let m = 0; m <= M; m++) {
    for (let c = 0; c <= m; c++) {
      const weight = t.profile[m * (M + 1) + c];
      if (weight > 0) units.push({ counts: [m - c, c], weight });
    }
  }
  return { categories: [0, 1], units };
}

/** Coder i's and coder j's 2 × 2 table (rows: coder i; columns: coder j; 0 = not applied, 1 = applied). */
export function pairTableOf(t: BinaryTally, i: number, j: number): ContingencyTable<0 | 1> {
  const swap = i > j;
  const p = 4 * pairIndex(Math.min(i, j), Math.max(i, j), t.coders);
  const [neither, onlySecond, onlyFirst, both] = [t.pairs[p], t.pairs[p + 1], t.pairs[p + 2], t.pairs[p + 3]];
  const onlyI = swap ? onlySecond : onlyFirst;
  const onlyJ = swap ? onlyFirst : onlySecond;
  return { categories: [0, 1], table: [[neither, onlyJ], [onlyI, both]] };
}
