// The agreement figures of the chosen coders, pages and terms: computed in slices as the choice changes (the last
// figures stay shown, dimmed, while new ones are computed), with the pages that could not be measured, the export,
// the table with its counts and formulas, the coder × coder matrix and the heat map of every term.
import { useEffect, useRef, useState } from 'preact/hooks';
import { agreementCsvBlob, agreementFileName, agreementXlsxBlob } from '../../../library/agreement-export';
import { libraryAgreementReport, type AgreementCache, type AgreementChoice, type LibraryReport, type ReportStage } from '../../../library/agreement-report';
import { isAbort } from '../../../library/abort';
import type { LibraryData } from '../../../library/load';
import type { AnnotationRecord } from '../../../model';
import { downloadBlob } from '../../download';
import { uiLang } from '../../i18n';
import { ErrorMessage } from '../ErrorMessage';
import { ProgressBar } from '../ProgressBar';
import { bilingual, L, type Bilingual } from '../strings';
import { CoderMatrix } from './CoderMatrix';
import { FiguresTable } from './FiguresTable';
import { coderLabel, Ln } from './format';
import { Formulas } from './Formulas';
import { TermHeatMap } from './TermHeatMap';

interface Props {
  cache: AgreementCache;
  annotations: readonly AnnotationRecord[];
  choice: AgreementChoice;
  choiceKey: string;
  data: LibraryData;
}

type Run =
  | { status: 'running'; stage: ReportStage; done: number; total: number }
  | { status: 'done' }
  | { status: 'cancelled' }
  | { status: 'error'; error: Bilingual };

// A choice made by clicking several boxes in a row is computed once, when the clicking stops.
const SETTLE_MS = 120;

export function ReportView({ cache, annotations, choice, choiceKey, data }: Props) {
  const [run, setRun] = useState<Run>({ status: 'running', stage: 'texts', done: 0, total: 0 });
  const [result, setResult] = useState<LibraryReport | null>(null);
  const [again, setAgain] = useState(0);
  const [exportError, setExportError] = useState<Bilingual | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const mine = new AbortController();
    controller.current = mine;
    let lastPaint = 0;
    setRun({ status: 'running', stage: 'texts', done: 0, total: 0 });
    const timer = setTimeout(() => {
      libraryAgreementReport(cache, annotations, choice, {
        signal: mine.signal,
        onProgress: (stage, done, total) => {
          const now = performance.now();
          if (now - lastPaint > 100 || done === total) {
            lastPaint = now;
            setRun({ status: 'running', stage, done, total });
          }
        },
      }).then(
        (r) => {
          if (mine.signal.aborted) return;
          setResult(r);
          setRun({ status: 'done' });
        },
        (e) => {
          if (controller.current !== mine) return;
          setRun(isAbort(e, mine.signal) ? { status: 'cancelled' } : { status: 'error', error: bilingual(e) });
        },
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      mine.abort(new DOMException('superseded', 'AbortError'));
    };
    // choiceKey stands for the choice; the annotations change when the library is read again.
  }, [choiceKey, annotations, cache, again]);

  const report = result?.report;
  const busy = run.status === 'running';
  // The figures shown are of an earlier choice until the new ones are done (or if they were cancelled or failed).
  const stale = run.status !== 'done';
  const save = async (kind: 'csv' | 'xlsx') => {
    if (!report) return;
    setExportError(null);
    try {
      const blob = kind === 'csv' ? agreementCsvBlob(report) : await agreementXlsxBlob(report, uiLang());
      downloadBlob(blob, agreementFileName(kind));
    } catch (e) {
      setExportError(bilingual(e));
    }
  };
  const title = (url: string) => data.pages.get(url)?.title || url;
  const unplaced = report ? report.pages.reduce((s, p) => s + p.unplaced.length, 0) : 0;

  return (
    <div class="agr-report" aria-busy={busy}>
      {run.status === 'running' && (
        <ProgressBar
          task={{
            label: L(run.stage === 'texts' ? 'AgrReadingTexts' : 'AgrComputing'),
            done: run.done,
            total: run.total || undefined,
          }}
          onCancel={() => controller.current?.abort(new DOMException('cancelled', 'AbortError'))}
        />
      )}
      {run.status === 'cancelled' && (
        <p class="lib-state" role="status">
          {L('AgrCancelled')}{' '}
          <button type="button" onClick={() => setAgain((n) => n + 1)}>{L('AgrComputeAgain')}</button>
        </p>
      )}
      {run.status === 'error' && <ErrorMessage error={run.error} />}
      {result && report && (
        <div class={stale ? 'agr-stale' : ''} id="agreement-report" data-ready={stale ? undefined : 'true'}>
          <p class="agr-summary">
            {L('AgrSummary', [
              report.pages.length.toLocaleString(),
              report.coders.map(coderLabel).join(L('AgrListSeparator')),
              L(report.coders.length === 2 ? 'AgrKappaCohen' : 'AgrKappaFleiss'),
            ])}
          </p>
          {result.missingText.length > 0 && (
            <div class="lib-warning agr-missing" role="note">
              <p>{Ln('AgrMissingText', result.missingText.length)}</p>
              <ul>
                {result.missingText.slice(0, 20).map((u) => (
                  <li key={u} title={u}>{title(u)}</li>
                ))}
                {result.missingText.length > 20 && <li>{L('AgrAndMore', [(result.missingText.length - 20).toLocaleString()])}</li>}
              </ul>
            </div>
          )}
          {unplaced > 0 && <p class="lib-warning">{Ln('AgrUnplaced', unplaced)}</p>}
          {report.pages.length === 0 ? (
            <p class="lib-state" data-state="nothing-measured">{L('AgrNothingMeasured')}</p>
          ) : (
            <>
              <div class="lib-buttons agr-export">
                <button type="button" disabled={stale} onClick={() => void save('csv')}>{L('AgrDownloadCsv')}</button>
                <button type="button" disabled={stale} onClick={() => void save('xlsx')}>{L('AgrDownloadExcel')}</button>
              </div>
              {exportError && <ErrorMessage error={exportError} onDismiss={() => setExportError(null)} />}
              <div class="agr-body">
                <FiguresTable report={report} terms={data.terms} />
                <Formulas report={report} />
              </div>
              <CoderMatrix report={report} terms={data.terms} />
              <TermHeatMap report={report} terms={data.terms} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
