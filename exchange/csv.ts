// CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads the Chinese text as UTF-8), RFC 4180
// quoting with CRLF line ends, and formula-looking text neutralised.
import Papa from 'papaparse';
import type { AnnotationRecord } from '../model';
import type { ExportContext, Lang } from './export-context';
import type { DocNumberRow, FigureRow, IndicatorLongRow, IndicatorWideRow } from './rows';
import { batches, type Source, type StreamOptions } from './stream';
import type { AgreementTableRow } from '../agreement/table';
import {
  agreementColumns,
  annotationColumns,
  annotationRow,
  docNumberColumns,
  figureColumns,
  headers,
  indicatorLongColumns,
  indicatorWideColumns,
  type Column,
} from './table-columns';

export const CSV_BOM = '\ufeff';
const CRLF = '\r\n';

// papaparse's own `escapeFormulae: true` pattern is /^[=+\-@\t\r].*$/, which misses a cell whose formula is
// followed by a line break ('.' stops at '\n' and '$' needs the end of the text), so a multi-line "=HYPERLINK(…)\n…"
// would go through untouched. Only the first character matters.
const FORMULA_START = /^[=+\-@\t\r]/;

const UNPARSE_CONFIG: Papa.UnparseConfig = {
  quotes: false,
  quoteChar: '"',
  escapeChar: '"',
  delimiter: ',',
  newline: CRLF,
  header: false,
  escapeFormulae: FORMULA_START,
};

function cells<R>(columns: readonly Column<R>[], row: R, lang: Lang): (string | number)[] {
  return columns.map((c) => {
    const v = c.value(row, lang);
    return typeof v === 'number' && !Number.isFinite(v) ? '' : v;
  });
}

function lines(rows: (string | number)[][]): string {
  return Papa.unparse(rows, UNPARSE_CONFIG) + CRLF;
}

export interface CsvOptions extends StreamOptions {
  lang: Lang;
}

/**
 * The annotations table as CSV text in chunks: the first holds the BOM and the header row, then one chunk per
 * batch. Every line ends with CRLF. Join the chunks (or hand them to a Blob) for the file.
 */
export async function* annotationsCsv(
  annotations: Source<AnnotationRecord>,
  ctx: ExportContext,
  options: CsvOptions,
): AsyncGenerator<string> {
  yield CSV_BOM + lines([headers(annotationColumns, options.lang)]);
  for await (const batch of batches(annotations, options)) {
    yield lines(batch.map((a) => cells(annotationColumns, annotationRow(a, ctx), options.lang)));
  }
}

function table<R>(columns: readonly Column<R>[], rows: Iterable<R>, lang: Lang): string {
  const body = Array.from(rows, (r) => cells(columns, r, lang));
  return CSV_BOM + lines([headers(columns, lang), ...body]);
}

/** The recognised figures of one page (a few hundred rows at most, so one string). */
export function figuresCsv(figures: Iterable<FigureRow>, lang: Lang): string {
  return table(figureColumns, figures, lang);
}

/** The document numbers cited on one page. */
export function docNumbersCsv(docNumbers: Iterable<DocNumberRow>, lang: Lang): string {
  return table(docNumberColumns, docNumbers, lang);
}

/** The agreement table (agreement/table.ts agreementTableRows): columns term, unit, coders, agreement, kappa, alpha. */
export function agreementCsv(rows: Iterable<AgreementTableRow>): string {
  return table(agreementColumns, rows, 'en');
}

/** The Indicators view's table in long format: one line per named figure (issuer, year, indicator, value…). */
export function indicatorsLongCsv(rows: Iterable<IndicatorLongRow>): string {
  return table(indicatorLongColumns, rows, 'en');
}

/** The Indicators view's table in wide format: one line per indicator (and issuer), a column per year. */
export function indicatorsWideCsv(rows: Iterable<IndicatorWideRow>, years: readonly number[]): string {
  return table(indicatorWideColumns(years), rows, 'en');
}
