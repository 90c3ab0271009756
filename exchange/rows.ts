// Rows of the per-page recognition tables. The caller resolves the sentence and the section heading around
// each match (it has the page text), so that export stays a pure mapping of strings and numbers.

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
