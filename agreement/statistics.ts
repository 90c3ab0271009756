// Agreement statistics for nominal data: percent agreement, Cohen's κ, Fleiss' κ and Krippendorff's α. Written here
// rather than taken from npm because they are a few lines each and must show their working (the counts, the
// observed and expected terms, the formula) for a reader to check; each is verified against a published worked
// example in tests/unit/agreement/statistics.test.ts.
//
// API
//   codingTable(data)        coders × units reliability data (null = missing) → per-unit category counts
//   contingencyTable(a, b)   two coders' values → their k × k table over the units both coded
//   codingTableOfPairs(t)    such a table back as per-unit counts (for percent agreement and α of a pair)
//   percentAgreement(table)  krippendorffAlpha(table)  fleissKappa(table)  cohenKappa(contingency)
// Every statistic returns a Figure: `value` (a number, or null with a `reason` when it is 0 ÷ 0 on these data —
// never NaN), the `counts` behind it, the `formula` (zh/en) and a `working` line with the counts put in.
// A CodingTable may group identical units with a `weight`, so that millions of character units cost one row each
// per distinct pattern (see agreement/tally.ts).
import type { LocalizedText } from '../model';
import {
  ALPHA_FORMULA, COHEN_FORMULA, FLEISS_FORMULA, PERCENT_FORMULA, type NoValueReason,
} from './formulas';

export type { NoValueReason };
export type Category = string | number;

export interface Figure<C> {
  /** The statistic, or null when it is undefined on these data (`reason` says why). Never NaN. */
  value: number | null;
  reason?: NoValueReason;
  counts: C;
  formula: LocalizedText;
  /** The formula with these counts put in, e.g. "κ = (0.9450 − 0.8316) ÷ (1 − 0.8316) = 0.6736". */
  working: string;
}

/** How many coders gave each category to one unit (or to `weight` units coded the same way). */
export interface UnitCounts {
  /** Indexed like CodingTable.categories. */
  counts: readonly number[];
  /** How many identical units this row stands for; 1 when absent. */
  weight?: number;
}

export interface CodingTable<V extends Category = Category> {
  categories: readonly V[];
  units: readonly UnitCounts[];
}

export interface ContingencyTable<V extends Category = Category> {
  categories: readonly V[];
  /** table[i][j]: units the first coder put in categories[i] and the second in categories[j]. */
  table: readonly (readonly number[])[];
}

export interface PercentCounts {
  /** Units coded by at least two coders. */
  units: number;
  /** Σ over those units of the share of coder pairs that agree: with two coders, the units coded alike. */
  agreeing: number;
}

export interface CohenCounts<V extends Category = Category> extends ContingencyTable<V> {
  n: number;
  rowTotals: number[];
  columnTotals: number[];
  /** Po */
  observed: number;
  /** Pe */
  expected: number;
}

export interface FleissCounts<V extends Category = Category> {
  categories: readonly V[];
  /** N: units coded by all `raters` coders. */
  units: number;
  /** m */
  raters: number;
  /** Units coded by fewer coders, left out. */
  skipped: number;
  /** Σ over the units of n(i,j), per category. */
  totals: number[];
  /** p(j) */
  proportions: number[];
  /** Po: mean P(i). */
  observed: number;
  /** Pe: Σ p(j)². */
  expected: number;
}

export interface AlphaCounts<V extends Category = Category> {
  categories: readonly V[];
  /** o(c,k) */
  coincidence: number[][];
  /** n(c) */
  totals: number[];
  /** n: pairable values. */
  values: number;
  /** Units with two or more values. */
  units: number;
  /** Do = Σ(c≠k) o(c,k) ÷ n */
  observedDisagreement: number;
  /** De = Σ(c≠k) n(c)·n(k) ÷ (n(n − 1)) */
  expectedDisagreement: number;
}

function byValue(a: Category, b: Category): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function categoriesOf<V extends Category>(values: Iterable<V | null | undefined>): V[] {
  const seen = new Set<V>();
  for (const v of values) if (v !== null && v !== undefined) seen.add(v);
  return [...seen].sort(byValue);
}

/** Reliability data in Krippendorff's layout — one row per coder, one column per unit, null or undefined where a
 *  coder did not code the unit — as per-unit category counts. Categories come out sorted. */
export function codingTable<V extends Category>(data: readonly (readonly (V | null | undefined)[])[]): CodingTable<V> {
  const categories = categoriesOf(data.flat());
  const index = new Map(categories.map((c, i) => [c, i]));
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const units: UnitCounts[] = [];
  for (let u = 0; u < unitCount; u++) {
    const counts = new Array<number>(categories.length).fill(0);
    for (const row of data) {
      const v = row[u];
      if (v !== null && v !== undefined) counts[index.get(v)!]++;
    }
    units.push({ counts });
  }
  return { categories, units };
}

/** Two coders' values unit by unit, as their table over the units both coded. */
export function contingencyTable<V extends Category>(
  first: readonly (V | null | undefined)[],
  second: readonly (V | null | undefined)[],
): ContingencyTable<V> {
  const categories = categoriesOf([...first, ...second]);
  const index = new Map(categories.map((c, i) => [c, i]));
  const table = categories.map(() => new Array<number>(categories.length).fill(0));
  const n = Math.min(first.length, second.length);
  for (let u = 0; u < n; u++) {
    const a = first[u];
    const b = second[u];
    if (a !== null && a !== undefined && b !== null && b !== undefined) table[index.get(a)!][index.get(b)!]++;
  }
  return { categories, table };
}

/** A two-coder table as coding data: each cell's units hold one value in each of its two categories. */
export function codingTableOfPairs<V extends Category>(data: ContingencyTable<V>): CodingTable<V> {
  const k = data.categories.length;
  const units: UnitCounts[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const weight = data.table[i]?.[j] ?? 0;
      if (weight === 0) continue;
      const counts = new Array<number>(k).fill(0);
      counts[i]++;
      counts[j]++;
      units.push({ counts, weight });
    }
  }
  return { categories: data.categories, units };
}

/** Proportions to four places, counts as they are (to four places when a weight made them fractional). */
function show(x: number): string {
  const s = Number.isInteger(x) ? String(x) : x.toFixed(4);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

function undefinedFigure<C>(reason: NoValueReason, counts: C, formula: LocalizedText, symbol: string): Figure<C> {
  return { value: null, reason, counts, formula, working: `${symbol} = 0 ÷ 0` };
}

/** How many categories occur at all. */
function used(totals: readonly number[]): number {
  let k = 0;
  for (const t of totals) if (t > 0) k++;
  return k;
}

function unitSize(u: UnitCounts): number {
  let m = 0;
  for (const c of u.counts) m += c;
  return m;
}

export function percentAgreement<V extends Category>(data: CodingTable<V>): Figure<PercentCounts> {
  let units = 0;
  let agreeing = 0;
  for (const u of data.units) {
    const m = unitSize(u);
    const w = u.weight ?? 1;
    if (m < 2 || w === 0) continue;
    let same = 0;
    for (const c of u.counts) same += c * (c - 1);
    units += w;
    agreeing += (w * same) / (m * (m - 1));
  }
  const counts = { units, agreeing };
  if (units === 0) return undefinedFigure('no-units', counts, PERCENT_FORMULA, 'agreement');
  const value = agreeing / units;
  return { value, counts, formula: PERCENT_FORMULA, working: `agreement = ${show(agreeing)} ÷ ${show(units)} = ${show(value)}` };
}

export function cohenKappa<V extends Category>(data: ContingencyTable<V>): Figure<CohenCounts<V>> {
  const k = data.categories.length;
  const rowTotals = new Array<number>(k).fill(0);
  const columnTotals = new Array<number>(k).fill(0);
  let n = 0;
  let diagonal = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const x = data.table[i]?.[j] ?? 0;
      rowTotals[i] += x;
      columnTotals[j] += x;
      n += x;
      if (i === j) diagonal += x;
    }
  }
  let chance = 0;
  for (let i = 0; i < k; i++) chance += rowTotals[i] * columnTotals[i];
  const observed = n > 0 ? diagonal / n : 0;
  const expected = n > 0 ? chance / (n * n) : 0;
  const counts: CohenCounts<V> = {
    categories: data.categories, table: data.table.map((r) => [...r]), n, rowTotals, columnTotals, observed, expected,
  };
  if (n === 0) return undefinedFigure('no-units', counts, COHEN_FORMULA, 'κ');
  // Both coders put every unit in one and the same category: Po = Pe = 1. (Counted, not compared as n², which is
  // no longer exact in floating point for the millions of character units pooled over terms.)
  if (used(rowTotals.map((r, i) => r + columnTotals[i])) <= 1) return undefinedFigure('no-variation', counts, COHEN_FORMULA, 'κ');
  const value = (observed - expected) / (1 - expected);
  return {
    value, counts, formula: COHEN_FORMULA,
    working: `κ = (${show(observed)} − ${show(expected)}) ÷ (1 − ${show(expected)}) = ${show(value)}`,
  };
}

/**
 * Fleiss' κ over the units coded by `raters` coders (by default the most any unit has); units with fewer values are
 * left out, as Fleiss' formula assumes the same number of ratings per unit (α below takes them all).
 */
export function fleissKappa<V extends Category>(data: CodingTable<V>, raters?: number): Figure<FleissCounts<V>> {
  const k = data.categories.length;
  const m = raters ?? Math.max(0, ...data.units.map(unitSize));
  const totals = new Array<number>(k).fill(0);
  let units = 0;
  let skipped = 0;
  let sumP = 0;
  for (const u of data.units) {
    const w = u.weight ?? 1;
    if (unitSize(u) !== m) {
      skipped += w;
      continue;
    }
    if (m < 2 || w === 0) continue;
    let same = 0;
    for (let j = 0; j < k; j++) {
      const c = u.counts[j] ?? 0;
      totals[j] += w * c;
      same += c * (c - 1);
    }
    units += w;
    sumP += (w * same) / (m * (m - 1));
  }
  const proportions = totals.map((t) => (units > 0 ? t / (units * m) : 0));
  const observed = units > 0 ? sumP / units : 0;
  const expected = proportions.reduce((s, p) => s + p * p, 0);
  const counts: FleissCounts<V> = {
    categories: data.categories, units, raters: m, skipped, totals, proportions, observed, expected,
  };
  if (units === 0) return undefinedFigure('no-units', counts, FLEISS_FORMULA, 'κ');
  if (used(totals) <= 1) return undefinedFigure('no-variation', counts, FLEISS_FORMULA, 'κ');
  const value = (observed - expected) / (1 - expected);
  return {
    value, counts, formula: FLEISS_FORMULA,
    working: `κ = (${show(observed)} − ${show(expected)}) ÷ (1 − ${show(expected)}) = ${show(value)}`,
  };
}

/** Krippendorff's α for nominal data, with missing values (units with fewer than two values are not pairable). */
export function krippendorffAlpha<V extends Category>(data: CodingTable<V>): Figure<AlphaCounts<V>> {
  const k = data.categories.length;
  const coincidence = data.categories.map(() => new Array<number>(k).fill(0));
  let units = 0;
  for (const u of data.units) {
    const m = unitSize(u);
    const w = u.weight ?? 1;
    if (m < 2 || w === 0) continue;
    units += w;
    const share = w / (m - 1);
    for (let c = 0; c < k; c++) {
      const nc = u.counts[c] ?? 0;
      if (nc === 0) continue;
      for (let d = 0; d < k; d++) {
        const nd = u.counts[d] ?? 0;
        if (nd === 0) continue;
        coincidence[c][d] += share * nc * (c === d ? nc - 1 : nd);
      }
    }
  }
  const totals = coincidence.map((row) => row.reduce((s, x) => s + x, 0));
  const n = totals.reduce((s, x) => s + x, 0);
  let disagreeing = 0;
  let chance = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      if (c === d) continue;
      disagreeing += coincidence[c][d];
      chance += totals[c] * totals[d];
    }
  }
  const observedDisagreement = n > 0 ? disagreeing / n : 0;
  const expectedDisagreement = n > 1 ? chance / (n * (n - 1)) : 0;
  const counts: AlphaCounts<V> = {
    categories: data.categories, coincidence, totals, values: n, units, observedDisagreement, expectedDisagreement,
  };
  if (n === 0) return undefinedFigure('no-units', counts, ALPHA_FORMULA, 'α');
  if (used(totals) <= 1) return undefinedFigure('no-variation', counts, ALPHA_FORMULA, 'α');
  // (n − 1) × Σo ÷ Σn·n rather than Do ÷ De: the same number with one rounding fewer.
  const value = 1 - ((n - 1) * disagreeing) / chance;
  return {
    value, counts, formula: ALPHA_FORMULA,
    working: `α = 1 − ${show(observedDisagreement)} ÷ ${show(expectedDisagreement)} = ${show(value)}`,
  };
}
