// The statistics against published worked examples, each cited where its numbers are printed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codingTable, cohenKappa, contingencyTable, fleissKappa, krippendorffAlpha, percentAgreement, type CodingTable,
} from '../../../agreement/statistics';

const _ = null;

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication,
// University of Pennsylvania, https://repository.upenn.edu/asc_papers/43 — section C, "Nominal data, any number of
// observers, missing values": 4 observers (rows A–D) × 12 units, values 1–5, blanks where an observer did not code.
// The paper gives nominal α = 0.743.
const KRIPPENDORFF_2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

// Wikipedia, "Krippendorff's alpha", section "A computational example": 3 coders × 15 units with missing values,
// nominal α = 0.691.
const WIKIPEDIA_ALPHA = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

// Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin 76(5), 378–382,
// Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (1 depression, 2 personality disorder, 3 schizophrenia,
// 4 neurosis, 5 other). Rows are the six diagnoses of one patient (as transcribed in the tests of DKPro Agreement).
// The paper gives P̄ = .556, P̄e = .220, κ = .430; DKPro's tests check the per-diagnosis κ against .248, .248, .517,
// .470, .565 within ±0.005.
const FLEISS_1971 = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
];

/** Fleiss' rows (one per patient) in Krippendorff's layout (one row per rating position). */
function transpose<T>(rows: T[][]): T[][] {
  return rows[0].map((_x, i) => rows.map((r) => r[i]));
}

// Dohoo, I., Martin, W. & Stryhn, H. (2010). Veterinary Epidemiologic Research, 2nd ed., pp. 98–99, as reproduced in
// the example of epi.kappa in the R package epiR: kidney samples of 291 salmon split between two laboratories, each
// running an IFAT test. Lab 1 +/lab 2 +: 19; +/−: 10; −/+: 6; −/−: 256. Published κ = 0.67.
const DOHOO_SALMON = { categories: ['positive', 'negative'], table: [[19, 10], [6, 256]] };

describe("Krippendorff's α (nominal)", () => {
  it("gives 0.743 on the reliability data of Krippendorff's own worked example", () => {
    const alpha = krippendorffAlpha(codingTable(KRIPPENDORFF_2011));
    console.log(`Krippendorff (2011) example: ${alpha.working}; n = ${alpha.counts.values} pairable values in ${alpha.counts.units} units`);
    expect(alpha.value).toBeCloseTo(0.743, 3);
    // The paper's own counts: 40 pairable values in 11 units (unit 12 has one value only), n(c) = 9, 13, 10, 5, 3,
    // and 32 of the 40 on the diagonal: α = 1 − 39 × 8 ÷ (40² − Σ n(c)²) = 1 − 312 ÷ 1216.
    expect(alpha.counts.values).toBe(40);
    expect(alpha.counts.units).toBe(11);
    expect(alpha.counts.totals.map((t) => +t.toFixed(10))).toEqual([9, 13, 10, 5, 3]);
    const diagonal = alpha.counts.coincidence.reduce((s, row, c) => s + row[c], 0);
    expect(diagonal).toBeCloseTo(32, 10);
    expect(alpha.value).toBeCloseTo(1 - 312 / 1216, 12);
    expect(alpha.counts.observedDisagreement).toBeCloseTo(8 / 40, 12);
    expect(alpha.counts.expectedDisagreement).toBeCloseTo(1216 / (40 * 39), 12);
  });

  it('gives 0.691 on the computational example of Wikipedia', () => {
    const alpha = krippendorffAlpha(codingTable(WIKIPEDIA_ALPHA));
    console.log(`Wikipedia α example: ${alpha.working}`);
    expect(alpha.value).toBeCloseTo(0.691, 3);
    // Units 1, 2 and 14 have fewer than two values; the other twelve hold 26 pairable values.
    expect(alpha.counts.units).toBe(12);
    expect(alpha.counts.values).toBe(26);
  });
});

describe("Fleiss' κ", () => {
  it('gives the figures of Fleiss (1971), Table 1', () => {
    const table = codingTable(transpose(FLEISS_1971));
    const kappa = fleissKappa(table);
    console.log(`Fleiss (1971) example: ${kappa.working}`);
    expect(kappa.counts.units).toBe(30);
    expect(kappa.counts.raters).toBe(6);
    expect(kappa.counts.observed).toBeCloseTo(0.556, 3);
    expect(kappa.counts.expected).toBeCloseTo(0.220, 3);
    expect(kappa.value).toBeCloseTo(0.430, 3);
  });

  it('on one diagnosis against the rest (binary data, as per term) is the per-category κ of Fleiss (1971)', () => {
    const N = 30;
    const m = 6;
    const perDiagnosis = [1, 2, 3, 4, 5].map((d) => {
      const binary = FLEISS_1971.map((row) => row.map((v): number => (v === d ? 1 : 0)));
      const kappa = fleissKappa(codingTable(transpose(binary))).value!;
      // Fleiss (1971), the agreement on category j: κj = 1 − Σi nij(m − nij) ÷ (N m (m − 1) pj qj).
      const n = binary.map((row) => row.reduce((s, v) => s + v, 0));
      const p = n.reduce((s, x) => s + x, 0) / (N * m);
      const direct = 1 - n.reduce((s, x) => s + x * (m - x), 0) / (N * m * (m - 1) * p * (1 - p));
      expect(kappa).toBeCloseTo(direct, 12);
      return kappa;
    });
    console.log(`Fleiss (1971) per diagnosis: ${perDiagnosis.map((k) => k.toFixed(3)).join(', ')}`);
    const reproduced = [0.248, 0.248, 0.517, 0.470, 0.565];
    perDiagnosis.forEach((k, i) => expect(Math.abs(k - reproduced[i])).toBeLessThanOrEqual(0.005));
  });
});

describe("Cohen's κ", () => {
  it('gives 0.67 on the two-laboratory table of Dohoo, Martin & Stryhn (2010)', () => {
    const kappa = cohenKappa(DOHOO_SALMON);
    console.log(`Dohoo et al. (2010) salmon IFAT: ${kappa.working}`);
    expect(kappa.value).toBeCloseTo(0.67, 2);
    expect(kappa.counts.n).toBe(291);
    expect(kappa.counts.observed).toBeCloseTo(275 / 291, 12);
    // Pe = (29 × 25 + 262 × 266) ÷ 291²
    expect(kappa.counts.expected).toBeCloseTo((29 * 25 + 262 * 266) / 291 ** 2, 12);
  });

  it('builds the table from two coders’ values, over the units both coded', () => {
    const first = ['y', 'y', 'n', 'n', null, 'y'];
    const second = ['y', 'n', 'n', 'n', 'y', undefined];
    expect(contingencyTable(first, second)).toEqual({ categories: ['n', 'y'], table: [[2, 0], [1, 1]] });
  });
});

describe('percent agreement', () => {
  it('is the units coded alike over the units both coded, for two coders', () => {
    const figure = percentAgreement(codingTable([[1, 1, 0, 0, 1], [1, 0, 0, 0, null]]));
    expect(figure.counts).toEqual({ units: 4, agreeing: 3 });
    expect(figure.value).toBe(0.75);
  });

  it('is the mean share of agreeing coder pairs for more coders', () => {
    // Unit 1: three alike (3 of 3 pairs agree); unit 2: two of three alike (1 of 3 pairs); unit 3: one value only.
    const figure = percentAgreement(codingTable([[1, 1, 1], [1, 1, _], [1, 2, _]]));
    expect(figure.counts.units).toBe(2);
    expect(figure.value).toBeCloseTo((1 + 1 / 3) / 2, 12);
  });
});

describe('weighted units', () => {
  it('count as that many identical units', () => {
    const expanded = krippendorffAlpha(codingTable(KRIPPENDORFF_2011.map((row) => [...row, ...row])));
    const table = codingTable(KRIPPENDORFF_2011);
    const weighted: CodingTable<number> = { categories: table.categories, units: table.units.map((u) => ({ ...u, weight: 2 })) };
    expect(krippendorffAlpha(weighted).value).toBeCloseTo(expanded.value!, 12);
    expect(fleissKappa(weighted).value).toBeCloseTo(fleissKappa(codingTable(KRIPPENDORFF_2011.map((r) => [...r, ...r]))).value!, 12);
  });
});

describe('degenerate data', () => {
  it('no units: every statistic null for want of units, never NaN', () => {
    const empty = codingTable<number>([]);
    for (const f of [percentAgreement(empty), krippendorffAlpha(empty), fleissKappa(empty), cohenKappa(contingencyTable([], []))]) {
      expect(f.value).toBeNull();
      expect(f.reason).toBe('no-units');
      expect(f.working).not.toMatch(/NaN/);
    }
    // Units with one value each are not pairable either.
    expect(krippendorffAlpha(codingTable([[1, _], [_, 2]])).reason).toBe('no-units');
  });

  it('one category only: κ and α null for want of variation, percent agreement 1', () => {
    const same = codingTable([[3, 3, 3], [3, 3, 3]]);
    expect(percentAgreement(same).value).toBe(1);
    expect(krippendorffAlpha(same).reason).toBe('no-variation');
    expect(fleissKappa(same).reason).toBe('no-variation');
    expect(cohenKappa(contingencyTable([3, 3], [3, 3])).reason).toBe('no-variation');
  });

  it('two coders who never agree on two categories: κ 0 when chance agreement is 0 as well', () => {
    expect(cohenKappa({ categories: [0, 1], table: [[0, 5], [0, 0]] }).value).toBe(0);
  });
});

const dataArb = fc.integer({ min: 2, max: 5 }).chain((coders) => fc.array(
  fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), { minLength: coders, maxLength: coders }),
  { minLength: 1, maxLength: 20 },
)).map((units) => units[0].map((_x, c) => units.map((u) => u[c]))); // coders × units

describe('properties of the statistics', () => {
  it('swapping coders changes nothing', () => {
    fc.assert(fc.property(dataArb, fc.nat(), (data, k) => {
      const i = k % data.length;
      const swapped = [...data];
      [swapped[0], swapped[i]] = [swapped[i], swapped[0]];
      const [a, b] = [codingTable(data), codingTable(swapped)];
      for (const [x, y] of [[percentAgreement(a), percentAgreement(b)], [krippendorffAlpha(a), krippendorffAlpha(b)],
        [fleissKappa(a), fleissKappa(b)], [cohenKappa(contingencyTable(data[0], data[1])), cohenKappa(contingencyTable(data[1], data[0]))]] as const) {
        if (x.value === null) expect(y.reason).toBe(x.reason);
        else expect(y.value).toBeCloseTo(x.value, 12);
      }
    }));
  });

  it('perfect agreement gives 1 when at least two categories occur', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 2, max: 5 }),
      (values, coders) => {
        const data = Array.from({ length: coders }, () => values);
        const varied = new Set(values).size > 1;
        const t = codingTable(data);
        for (const f of [krippendorffAlpha(t), fleissKappa(t), cohenKappa(contingencyTable(values, values))]) {
          if (varied) expect(f.value).toBeCloseTo(1, 12);
          else expect(f.reason).toBe('no-variation');
        }
        expect(percentAgreement(t).value).toBe(1);
      }));
  });

  it('gives a number or a reason, never NaN', () => {
    fc.assert(fc.property(dataArb, (data) => {
      const t = codingTable(data);
      for (const f of [percentAgreement(t), krippendorffAlpha(t), fleissKappa(t), cohenKappa(contingencyTable(data[0], data[1]))]) {
        if (f.value === null) expect(['no-units', 'no-variation']).toContain(f.reason);
        else expect(Number.isFinite(f.value)).toBe(true);
      }
    }));
  });
});
