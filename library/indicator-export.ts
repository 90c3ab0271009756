// The Indicators view's table as files: long format (a line per figure) and wide format (indicator × year) as
// CSV, or both as the two sheets of one workbook. The xlsx writer loads when a workbook is first asked for.
import { indicatorsLongCsv, indicatorsWideCsv } from '../exchange/csv';
import { longRows, wideRows, type IndicatorTable } from './indicator-table';

export type IndicatorExportFormat = 'long-csv' | 'wide-csv' | 'xlsx';

/** pizhu-indicators-long-2025-03-01.csv, pizhu-indicators-wide-…csv, pizhu-indicators-….xlsx */
export function indicatorFileName(format: IndicatorExportFormat, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  if (format === 'xlsx') return `pizhu-indicators-${day}.xlsx`;
  return `pizhu-indicators-${format === 'long-csv' ? 'long' : 'wide'}-${day}.csv`;
}

export async function indicatorBlob(table: IndicatorTable, format: IndicatorExportFormat): Promise<Blob> {
  const csv = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });
  if (format === 'long-csv') return csv(indicatorsLongCsv(longRows(table)));
  if (format === 'wide-csv') return csv(indicatorsWideCsv(wideRows(table), table.years));
  const { indicatorsXlsx } = await import('../exchange/xlsx');
  return indicatorsXlsx(longRows(table), wideRows(table), table.years);
}
