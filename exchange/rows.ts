// Rows of the per-page recognition tables. The caller resolves the sentence and the section heading around
// each match (it has the page text), so that export stays a pure mapping of strings and numbers.
import type { Bound } from '../indicators/value';

export interface FigureRow {
  /** The figure as written on the page: 480余名. */
  text: string;
  /** Numeric value including the magnitude; NaN when it could not be read. */
  value: number;
  unit: string;
  /** 余 / 多, or ''. */
  approx: string;
  /** Qualifier before the figure (超过, 近, 约…), or ''. */
  before: string;
  /** Qualifier after the figure (以上, 左右…), or ''. */
  after: string;
  sentence: string;
  heading: string;
  /** What the figure counts (办理行政复议案件); '' where its clause names nothing or it was not named. */
  indicator: string;
  /** The unit in simplified form (項 → 项, ％ → %); '' when not named. */
  normalisedUnit: string;
  /** How the true number stands to the stated one (exact, more, less, about); '' when not named. */
  bound: Bound | '';
}

export interface DocNumberRow {
  /** The document number as written: 张政字〔2018〕8号. */
  text: string;
  agency: string;
  year: string;
  serial: string;
  sentence: string;
  heading: string;
}

/** One named figure of a stored report, for the Indicators view's long export (library/indicator-table.ts). */
export interface IndicatorLongRow {
  issuer: string;
  /** The year the report covers. */
  year: number;
  /** The indicator's row in the table: its group, as most reports word it. */
  indicator: string;
  /** As this report words it. */
  indicatorAsWritten: string;
  /** Magnitude applied: 2万余份 → 20000. */
  value: number;
  unit: string;
  /** exact, more, less or about (indicators/value.ts Bound). */
  qualifier: string;
  /** The words that say so, as written: 余, 超过, 约 左右. */
  qualifierWords: string;
  /** The figure as written: 2万余份. */
  figure: string;
  sentence: string;
  title: string;
  url: string;
  /** The page opened at the sentence (#:~:text=); '' for an address that is not a web page. */
  link: string;
}

/** One row of the Indicators view's table: indicator × year, for the wide export. */
export interface IndicatorWideRow {
  indicator: string;
  issuer: string;
  unit: string;
  /** By year; a year without a value is absent. */
  values: ReadonlyMap<number, number>;
}
