// The agreement table as rows for the CSV and Excel export (exchange/csv.ts agreementCsv, exchange/xlsx.ts
// agreementXlsx), with the columns the issue fixes: term, unit, coders, agreement, kappa, alpha.
//   term       the term's IRI; `all` for the row of all terms pooled
//   unit       character, sentence or part
//   coders     the coders' names, in the report's order, joined by "; " — or their IRIs (coders.ts keys) when
//              two of them share a name or when asked for, so that a row always says unambiguously whose it is
//   agreement  percent agreement as a proportion (0–1), like kappa and alpha
//   kappa      Cohen's κ for two coders, Fleiss' κ for three or more
//   alpha      Krippendorff's α (nominal)
// Figures are rounded to four decimals; an undefined figure (see NO_VALUE) is an empty cell, never 0 or NaN.
import type { AgreementReport } from './report';
import type { UnitKind } from './units';

export interface AgreementTableRow {
  term: string;
  unit: UnitKind;
  coders: string;
  agreement: number | null;
  kappa: number | null;
  alpha: number | null;
}

export const ALL_TERMS = 'all';
export const CODER_SEPARATOR = '; ';

function round(x: number | null | undefined): number | null {
  return x === null || x === undefined ? null : Math.round(x * 1e4) / 1e4;
}

export function agreementTableRows(report: AgreementReport, options: { coderLabel?: 'name' | 'id' } = {}): AgreementTableRow[] {
  const names = report.coders.map((c) => c.name);
  const byName = options.coderLabel !== 'id' && names.every((n) => n !== '') && new Set(names).size === names.length;
  const coders = report.coders.map((c) => (byName ? c.name : c.id)).join(CODER_SEPARATOR);
  return report.rows.map((r) => ({
    term: r.term ?? ALL_TERMS,
    unit: r.unit,
    coders,
    agreement: round(r.percent.value),
    kappa: round((r.cohen ?? r.fleiss)?.value),
    alpha: round(r.alpha.value),
  }));
}
