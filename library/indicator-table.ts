// The Indicators view's table: a place's stored reports lined up by the year they cover, and what their figures
// count lined up by indicator, one row per indicator (and issuer), one column per year. Plain functions of what
// library/indicator-reports.ts read: no database here.
//
//   lineUpIssuers(reports)                 the issuers, each with its reports (张店区人民政府 = 淄博市张店区政府)
//   planYears(issuers, choices)            one report per issuer and year; two that claim one year are a conflict,
//                                          settled by rule (a year read from the title beats one read from the
//                                          text, which beats one guessed from the date; then the newer visit)
//                                          or by the user's choice
//   buildIndicatorTable(plan, figures, merges)   rows of indicators × years; the user's merges applied
//   longRows / wideRows                    the table for Stata, R or a pivot table
import { groupOf, issuerKey, sameIssuer, type IndicatorMerges, type IndicatorValue, type ReportYear } from '../indicators';
import type { IndicatorLongRow, IndicatorWideRow } from '../exchange/rows';
import { textFragmentUrl } from './text-fragment';

/** A page of kind report the library holds. */
export interface StoredReport {
  url: string;
  title: string;
  /** Who issued it, as the title (or else the page's 发布机构 / signature) says; '' when neither says. */
  issuer: string;
  /** The year it covers; null when neither title, text nor date tells. */
  year: ReportYear | null;
  /** Whether its text is stored (PageRecord.snapshot): only then are its figures read. */
  hasText: boolean;
  lastSeen: string;
}

/** One named figure of a stored report. */
export interface ReportFigure {
  /** The indicator as the report words it: 主动公开政府信息. */
  indicator: string;
  /** Its group key (indicators/grouping.ts groupKey), before the user's merges. */
  key: string;
  /** The figure as written: 24509条. */
  figure: string;
  value: IndicatorValue;
  /** Offsets in the stored text. */
  start: number;
  end: number;
  sentence: string;
}

export interface Issuer {
  /** Stable while the reports stay: the key of the issuer's first name (indicators/issuer.ts issuerKey). */
  id: string;
  /** The name most of its reports give, the longest of them on a tie: 北京市西城区人民政府. */
  name: string;
  reports: StoredReport[];
}

/** Reports of no issuer the title or page names are put together under this id. */
export const UNKNOWN_ISSUER = '';

export function lineUpIssuers(reports: readonly StoredReport[]): Issuer[] {
  const groups: Array<{ id: string; names: string[]; reports: StoredReport[] }> = [];
  for (const report of reports) {
    const group = report.issuer
      ? groups.find((g) => g.id !== UNKNOWN_ISSUER && g.names.some((n) => sameIssuer(n, report.issuer)))
      : groups.find((g) => g.id === UNKNOWN_ISSUER);
    if (group) {
      group.names.push(report.issuer);
      group.reports.push(report);
    } else {
      groups.push({ id: report.issuer ? issuerKey(report.issuer) : UNKNOWN_ISSUER, names: [report.issuer], reports: [report] });
    }
  }
  return groups.map((g) => ({ id: g.id, name: mostCommon(g.names, (a, b) => b.length - a.length), reports: g.reports }));
}

/** The value given most often; `tie` orders those given equally often (the first of them wins). */
function mostCommon(values: readonly string[], tie: (a: string, b: string) => number = () => 0): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || tie(a[0], b[0]))[0]?.[0] ?? '';
}

/** The report used for one issuer's year. */
export interface YearSlot {
  issuer: Issuer;
  year: number;
  report: StoredReport;
  /** Other reports of the issuer that claim the same year: a conflict the user may settle otherwise. */
  others: StoredReport[];
}

export interface YearPlan {
  slots: YearSlot[];
  /** Every year some chosen issuer has a report for, ascending. */
  years: number[];
  /** Reports of the chosen issuers whose year nothing tells. */
  undated: StoredReport[];
  /** Reports of kind report without a stored text: their figures cannot be read until the page is visited. */
  withoutText: StoredReport[];
}

/** The user's choice of a report for an issuer's year, where two claim it. */
export const choiceKey = (issuerId: string, year: number) => `${issuerId}|${year}`;

const FROM_RANK: Record<ReportYear['from'], number> = { title: 0, text: 1, published: 2 };

function preferred(a: StoredReport, b: StoredReport): number {
  return FROM_RANK[a.year!.from] - FROM_RANK[b.year!.from] || b.lastSeen.localeCompare(a.lastSeen) || a.url.localeCompare(b.url);
}

/** `choices`: choiceKey → the URL of the report the user chose for that year. */
export function planYears(issuers: readonly Issuer[], choices: ReadonlyMap<string, string> = new Map()): YearPlan {
  const slots: YearSlot[] = [];
  const undated: StoredReport[] = [];
  const withoutText: StoredReport[] = [];
  const years = new Set<number>();
  for (const issuer of issuers) {
    const byYear = new Map<number, StoredReport[]>();
    for (const report of issuer.reports) {
      if (!report.hasText) withoutText.push(report);
      else if (!report.year) undated.push(report);
      else byYear.set(report.year.year, [...(byYear.get(report.year.year) ?? []), report]);
    }
    for (const [year, claims] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
      const ranked = [...claims].sort(preferred);
      const chosen = ranked.find((r) => r.url === choices.get(choiceKey(issuer.id, year))) ?? ranked[0];
      slots.push({ issuer, year, report: chosen, others: ranked.filter((r) => r !== chosen) });
      years.add(year);
    }
  }
  return { slots, years: [...years].sort((a, b) => a - b), undated, withoutText };
}

export interface IndicatorCell {
  slot: YearSlot;
  /** The group's figures in the year's report, in text order: the first is the cell's value. */
  figures: ReportFigure[];
}

export interface IndicatorRow {
  /** Unique in the table: the group and the issuer. */
  id: string;
  /** The group key the row stands for, after the user's merges. */
  group: string;
  issuer: Issuer;
  /** The indicator as the reports word it most often (in the group's own words when they occur). */
  label: string;
  /** The group keys of the figures in the row: more than one where rules or the user merged them. */
  keys: string[];
  /** Those of `keys` the user put into this group (each can be taken out again). */
  merged: string[];
  /** The unit of most of its cells; a cell in another unit says so, and stays out of the chart. */
  unit: string;
  /** By year. */
  cells: Map<number, IndicatorCell>;
}

export interface IndicatorTable {
  years: number[];
  rows: IndicatorRow[];
}

/**
 * `figures`: the named figures of each slot's report, by URL (reports not read yet are left out of the rows).
 * Rows with cells in more years come first, then in the order their indicator first comes in the reports.
 */
export function buildIndicatorTable(
  plan: YearPlan,
  figures: ReadonlyMap<string, readonly ReportFigure[]>,
  merges: IndicatorMerges,
): IndicatorTable {
  const rows = new Map<string, IndicatorRow & { order: number; texts: string[]; ownTexts: string[]; units: string[] }>();
  for (const slot of plan.slots) {
    for (const figure of figures.get(slot.report.url) ?? []) {
      const group = groupOf(figure.key, merges);
      const id = `${group}\u0000${slot.issuer.id}`;
      let row = rows.get(id);
      if (!row) {
        row = { id, group, issuer: slot.issuer, label: '', keys: [], merged: [], unit: '', cells: new Map(), order: rows.size, texts: [], ownTexts: [], units: [] };
        rows.set(id, row);
      }
      if (!row.keys.includes(figure.key)) {
        row.keys.push(figure.key);
        // Merges leave no chains (mergeIndicators): a key outside its own group is one the user moved.
        if (figure.key !== group) row.merged.push(figure.key);
      }
      row.texts.push(figure.indicator);
      if (figure.key === group) row.ownTexts.push(figure.indicator);
      const cell = row.cells.get(slot.year);
      if (cell) cell.figures.push(figure);
      else {
        row.cells.set(slot.year, { slot, figures: [figure] });
        row.units.push(figure.value.unit);
      }
    }
  }
  const out = [...rows.values()].map(({ order: _o, texts, ownTexts, units, ...row }) => ({
    ...row,
    label: mostCommon(ownTexts.length ? ownTexts : texts),
    unit: mostCommon(units),
  }));
  const spread = (row: IndicatorRow) => row.cells.size;
  const firstOrder = new Map<string, number>();
  for (const row of rows.values()) if (!firstOrder.has(row.group)) firstOrder.set(row.group, row.order);
  const groupSpread = new Map<string, number>();
  for (const row of out) groupSpread.set(row.group, (groupSpread.get(row.group) ?? 0) + spread(row));
  out.sort((a, b) => groupSpread.get(b.group)! - groupSpread.get(a.group)! || firstOrder.get(a.group)! - firstOrder.get(b.group)!);
  return { years: plan.years, rows: out };
}

/** The figure a cell shows: its first in the row's unit, else its first (then marked as in another unit). */
export function cellFigure(row: IndicatorRow, cell: IndicatorCell): ReportFigure {
  return cell.figures.find((f) => f.value.unit === row.unit) ?? cell.figures[0];
}

/** Where a cell's sentence opens: the page at the sentence, for web pages; nothing for other addresses. */
export function sentenceLink(url: string, sentence: string): string | null {
  return /^https?:\/\//i.test(url) ? textFragmentUrl(url, sentence) : null;
}

/** Every named figure of the table, one line each: what a script reshapes or a pivot table sums. */
export function longRows(table: IndicatorTable): IndicatorLongRow[] {
  const out: IndicatorLongRow[] = [];
  for (const row of table.rows) {
    for (const year of table.years) {
      const cell = row.cells.get(year);
      if (!cell) continue;
      for (const f of cell.figures) {
        out.push({
          issuer: row.issuer.name,
          year,
          indicator: row.label,
          indicatorAsWritten: f.indicator,
          value: f.value.value,
          unit: f.value.unit,
          qualifier: f.value.bound,
          qualifierWords: f.value.qualifiers.join(' '),
          figure: f.figure,
          sentence: f.sentence,
          title: cell.slot.report.title,
          url: cell.slot.report.url,
          link: sentenceLink(cell.slot.report.url, f.sentence) ?? '',
        });
      }
    }
  }
  return out;
}

/** One line per row of the table, each year's value the figure its cell shows (cellFigure). */
export function wideRows(table: IndicatorTable): IndicatorWideRow[] {
  return table.rows.map((row) => ({
    indicator: row.label,
    issuer: row.issuer.name,
    unit: row.unit,
    values: new Map(table.years.flatMap((year) => {
      const cell = row.cells.get(year);
      const shown = cell && cellFigure(row, cell);
      // A year stated in another unit is not the same series: left empty rather than mixed in.
      return shown && shown.value.unit === row.unit ? [[year, shown.value.value] as [number, number]] : [];
    })),
  }));
}
