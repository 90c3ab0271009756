// Export of the page's figures and document numbers (with their sentences and section headings) to CSV and Excel,
// from the side panel: what analysts otherwise copy into spreadsheets by hand.
import { useState } from 'preact/hooks';
import { docNumbersCsv, figuresCsv } from '../exchange/csv';
import { tabs } from '../messaging';
import { downloadBlob } from './download';
import { errorText, t, uiLang } from './i18n';

type Format = 'figures-csv' | 'docnos-csv' | 'xlsx';

/** A file name from the page title, without characters file systems refuse. */
const baseName = (title: string) => (title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'pizhu');

async function exportRows(tabId: number, format: Format): Promise<void> {
  const rows = await tabs.sendToTab(tabId, 'scan:rows');
  if (!rows) throw new Error(t('exportNoRows'));
  const name = baseName(rows.title);
  const csv = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });
  if (format === 'figures-csv') downloadBlob(csv(figuresCsv(rows.figures, uiLang())), `${name}-${t('exportFiguresFile')}.csv`);
  else if (format === 'docnos-csv') downloadBlob(csv(docNumbersCsv(rows.docNumbers, uiLang())), `${name}-${t('exportDocnosFile')}.csv`);
  else {
    // The xlsx writer is most of the panel's weight: loaded when an analyst first asks for a workbook.
    const { recognitionXlsx } = await import('../exchange/xlsx');
    downloadBlob(await recognitionXlsx(rows.figures, rows.docNumbers, uiLang()), `${name}.xlsx`);
  }
}

export function RecognitionExport({ tabId }: { tabId: number }) {
  const [error, setError] = useState('');
  const run = (format: Format) => {
    setError('');
    exportRows(tabId, format).catch((e: unknown) => setError(errorText(e)));
  };
  return (
    <div class="export-row">
      <span>{t('exportLabel')}</span>
      <button type="button" onClick={() => run('figures-csv')}>{t('exportFiguresCsv')}</button>
      <button type="button" onClick={() => run('docnos-csv')}>{t('exportDocnosCsv')}</button>
      <button type="button" onClick={() => run('xlsx')}>{t('exportXlsx')}</button>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
