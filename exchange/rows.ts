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
