// Excel workbooks. Cells keep their types (numbers as numbers, dates as Excel dates) so that the tables can be
// sorted, filtered and summed without conversion; the header row is frozen.
import writeExcelFile, { type Cell, type Row, type SheetData } from 'write-excel-file/universal';
import { byNotation, type AnnotationRecord, type Term } from '../model';
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
  indicatorLongColumns,
  indicatorWideColumns,
  pageColumns,
  termColumns,
  type Column,
  type PageRow,
} from './table-columns';

const SHEET_NAMES = {
  annotations: { zh: '批注', en: 'Annotations' },
  pages: { zh: '页面', en: 'Pages' },
  taxonomy: { zh: '编码表', en: 'Taxonomy' },
  figures: { zh: '数字', en: 'Figures' },
  docNumbers: { zh: '文号', en: 'Document numbers' },
  agreement: { zh: '一致性', en: 'Agreement' },
  indicatorsLong: { zh: 'long', en: 'long' },
  indicatorsWide: { zh: 'wide', en: 'wide' },
} as const;

// Stored times are UTC; Excel dates carry no zone, so they are shown as UTC.
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const DATE_FORMAT = 'yyyy-mm-dd';

function toCell(kind: Column<unknown>['kind'], value: string | number): Cell {
  if (value === '') return null;
  if (kind === 'number') {
    return typeof value === 'number' && Number.isFinite(value) ? { value, type: Number } : null;
  }
  if (kind === 'datetime' || kind === 'date') {
    const time = Date.parse(String(value));
    // A string that is not a date (an imported oddity) is still worth showing as text.
    if (Number.isNaN(time)) return { value: String(value), type: String };
    return { value: new Date(time), type: Date, format: kind === 'date' ? DATE_FORMAT : DATETIME_FORMAT };
  }
  return { value: String(value), type: String };
}

function row<R>(columns: readonly Column<R>[], item: R, lang: Lang): Row {
  return columns.map((c) => toCell(c.kind, c.value(item, lang)));
}

function headerRow<R>(columns: readonly Column<R>[], lang: Lang): Row {
  return columns.map((c) => ({ value: c.header[lang], type: String, fontWeight: 'bold' as const }));
}

function sheet<R>(columns: readonly Column<R>[], data: SheetData, name: string) {
  return { data, sheet: name, columns: columns.map((c) => ({ width: c.width })), stickyRowsCount: 1 };
}

function table<R>(columns: readonly Column<R>[], items: Iterable<R>, lang: Lang, name: string) {
  const data: SheetData = [headerRow(columns, lang)];
  for (const item of items) data.push(row(columns, item, lang));
  return sheet(columns, data, name);
}

function byCodebookOrder(a: Term, b: Term): number {
  return a.taxonomyId.localeCompare(b.taxonomyId) || byNotation(a, b) || a.order - b.order;
}

export interface XlsxOptions extends StreamOptions {
  lang: Lang;
}

/**
 * A workbook of three sheets: the annotations, the pages they sit on (with a count each) and the whole codebook.
 * Rows are converted batch by batch (see StreamOptions); the zip itself is written in one go at the end.
 */
export async function annotationsXlsx(
  annotations: Source<AnnotationRecord>,
  ctx: ExportContext,
  options: XlsxOptions,
): Promise<Blob> {
  const { lang } = options;
  const data: SheetData = [headerRow(annotationColumns, lang)];
  const counts = new Map<string, number>();
  for await (const batch of batches(annotations, options)) {
    for (const a of batch) {
      data.push(row(annotationColumns, annotationRow(a, ctx), lang));
      counts.set(a.pageUrl, (counts.get(a.pageUrl) ?? 0) + 1);
    }
  }
  const pages: PageRow[] = [];
  for (const [url, annotationCount] of counts) {
    const page = ctx.pages.get(url);
    if (page) pages.push({ page, annotationCount });
  }
  const terms = [...ctx.terms.values()].sort(byCodebookOrder);
  options.signal?.throwIfAborted();
  return writeExcelFile([
    sheet(annotationColumns, data, SHEET_NAMES.annotations[lang]),
    table(pageColumns, pages, lang, SHEET_NAMES.pages[lang]),
    table(termColumns, terms, lang, SHEET_NAMES.taxonomy[lang]),
  ]).toBlob();
}

/** The figures and document numbers recognised on one page, one sheet each. */
export function recognitionXlsx(figures: Iterable<FigureRow>, docNumbers: Iterable<DocNumberRow>, lang: Lang): Promise<Blob> {
  return writeExcelFile([
    table(figureColumns, figures, lang, SHEET_NAMES.figures[lang]),
    table(docNumberColumns, docNumbers, lang, SHEET_NAMES.docNumbers[lang]),
  ]).toBlob();
}

/** The agreement table on one sheet, figures as numbers (an undefined figure is an empty cell). */
export function agreementXlsx(rows: Iterable<AgreementTableRow>, lang: Lang): Promise<Blob> {
  return writeExcelFile([table(agreementColumns, rows, lang, SHEET_NAMES.agreement[lang])]).toBlob();
}

/** The Indicators view's table: the long format on one sheet, the wide format (indicator × year) on another. */
export function indicatorsXlsx(long: Iterable<IndicatorLongRow>, wide: Iterable<IndicatorWideRow>, years: readonly number[]): Promise<Blob> {
  return writeExcelFile([
    table(indicatorLongColumns, long, 'en', SHEET_NAMES.indicatorsLong.en),
    table(indicatorWideColumns(years), wide, 'en', SHEET_NAMES.indicatorsWide.en),
  ]).toBlob();
}
