// The agreement table as files: CSV (columns term, unit, coders, agreement, kappa, alpha; exchange/csv.ts) and Excel
// (exchange/xlsx.ts). The table is a few hundred rows at most, so both are built here at once; the xlsx writer is
// loaded when the first workbook is asked for, never with the library page.
import { agreementTableRows, type AgreementReport } from '../agreement';
import { agreementCsv } from '../exchange/csv';
import type { Lang } from '../exchange/export-context';

export function agreementCsvBlob(report: AgreementReport): Blob {
  return new Blob([agreementCsv(agreementTableRows(report))], { type: 'text/csv;charset=utf-8' });
}

export async function agreementXlsxBlob(report: AgreementReport, lang: Lang): Promise<Blob> {
  const { agreementXlsx } = await import('../exchange/xlsx');
  return agreementXlsx(agreementTableRows(report), lang);
}

/** pizhu-agreement-2025-03-01.csv, like the annotations' exports. */
export function agreementFileName(kind: 'csv' | 'xlsx', now = new Date()): string {
  return `pizhu-agreement-${now.toISOString().slice(0, 10)}.${kind}`;
}
