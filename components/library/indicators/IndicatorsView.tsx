// The library's Indicators view: for one issuer or several, the reports Pizhu has stored, one per year they
// cover, and what their figures count lined up as a table of indicator × year, with a chart of the chosen
// indicator, the user's merges (kept in the database, each undoable) and the long and wide exports. The logic is
// library/indicator-table.ts and library/indicator-reports.ts; this file holds the state and the layout.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { mergeIndicators, unmergeIndicator, type IndicatorMerges } from '../../../indicators';
import { chartSeries } from '../../../library/indicator-chart';
import { indicatorBlob, indicatorFileName, type IndicatorExportFormat } from '../../../library/indicator-export';
import { listStoredReports, reportFigures, storedText } from '../../../library/indicator-reports';
import {
  buildIndicatorTable,
  cellFigure,
  choiceKey,
  lineUpIssuers,
  planYears,
  sentenceLink,
  type IndicatorCell,
  type IndicatorRow,
  type Issuer,
  type ReportFigure,
  type StoredReport,
  type YearPlan,
} from '../../../library/indicator-table';
import { yieldToPage } from '../../../library/yield';
import type { PizhuDB } from '../../../storage/db';
import { IndicatorMergeRepository } from '../../../storage/indicator-merges';
import { downloadBlob } from '../../download';
import { ErrorMessage } from '../ErrorMessage';
import { ProgressBar } from '../ProgressBar';
import { bilingual, L, type Bilingual } from '../strings';
import { IndicatorChart } from './IndicatorChart';
import { IndicatorTable } from './IndicatorTable';
import { StoredCopy, type CopyAt } from './StoredCopy';
import './indicators.css';

type Loaded = { status: 'loading' } | { status: 'error'; error: Bilingual } | { status: 'ready'; reports: StoredReport[]; merges: IndicatorMerges };

/** The issuer chosen first: the one with the most reports whose figures can be read. */
function firstChoice(issuers: readonly Issuer[]): string[] {
  const readable = (i: Issuer) => i.reports.filter((r) => r.hasText && r.year).length;
  const best = [...issuers].sort((a, b) => readable(b) - readable(a))[0];
  return best && readable(best) > 0 ? [best.id] : [];
}

export function IndicatorsView({ db }: { db: PizhuDB }) {
  const mergeStore = useMemo(() => new IndicatorMergeRepository(db), [db]);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [selected, setSelected] = useState<string[] | null>(null);
  const [choices, setChoices] = useState<ReadonlyMap<string, string>>(new Map());
  const [figures, setFigures] = useState<ReadonlyMap<string, ReportFigure[]>>(new Map());
  const [reading, setReading] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [chosenRow, setChosenRow] = useState<string | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<{ message: string; merges: IndicatorMerges } | null>(null);
  const [copy, setCopy] = useState<CopyAt | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([listStoredReports(db), mergeStore.get()]).then(
      ([reports, merges]) => live && setLoaded({ status: 'ready', reports, merges }),
      (e: unknown) => live && setLoaded({ status: 'error', error: bilingual(e) }),
    );
    return () => {
      live = false;
    };
  }, [db, mergeStore]);

  const issuers = useMemo(() => (loaded.status === 'ready' ? lineUpIssuers(loaded.reports) : []), [loaded]);
  const chosenIds = selected ?? firstChoice(issuers);
  const chosenIssuers = useMemo(() => issuers.filter((i) => chosenIds.includes(i.id)), [issuers, chosenIds.join('\n')]);
  const plan = useMemo(() => planYears(chosenIssuers, choices), [chosenIssuers, choices]);

  // The figures of the reports the plan uses, read from their stored texts once each.
  useEffect(() => {
    const missing = plan.slots.map((s) => s.report.url).filter((url) => !figures.has(url));
    if (missing.length === 0) return;
    let live = true;
    void (async () => {
      const found = new Map(figures);
      setReading({ done: 0, total: missing.length });
      try {
        for (const [i, url] of missing.entries()) {
          found.set(url, await reportFigures(await storedText(db, url), yieldToPage));
          if (!live) return;
          setReading({ done: i + 1, total: missing.length });
        }
        setFigures(found);
      } catch (e) {
        if (live) setError(bilingual(e));
      } finally {
        if (live) setReading(null);
      }
    })();
    return () => {
      live = false;
    };
  }, [db, plan, figures]);

  const merges = loaded.status === 'ready' ? loaded.merges : {};
  const table = useMemo(() => buildIndicatorTable(plan, figures, merges), [plan, figures, merges]);
  const rowsOf = (group: string | null) => table.rows.filter((r) => r.group === group);
  const chartGroup = chosenRow && rowsOf(chosenRow).length ? chosenRow : (table.rows[0]?.group ?? null);

  const saveMerges = useCallback(
    async (next: IndicatorMerges, message: string | null) => {
      if (loaded.status !== 'ready') return;
      const before = loaded.merges;
      setError(null);
      try {
        await mergeStore.set(next);
        setLoaded({ ...loaded, merges: next });
        setUndo(message ? { message, merges: before } : null);
      } catch (e) {
        setError(bilingual(e));
      }
    },
    [loaded, mergeStore],
  );

  const merge = () => {
    // Into the first ticked group in the table's order: the one most years state.
    const groups = table.rows.map((r) => r.group).filter((g, i, all) => ticked.has(g) && all.indexOf(g) === i);
    if (groups.length < 2) return;
    const into = groups[0];
    const label = table.rows.find((r) => r.group === into)!.label;
    void saveMerges(mergeIndicators(merges, groups.slice(1), into), L('IndMerged', [String(groups.length), label])).then(() => {
      setTicked(new Set());
      setChosenRow(into);
    });
  };

  const openCopy = useCallback(
    (cell: IndicatorCell, figure: ReportFigure) => {
      const { report } = cell.slot;
      storedText(db, report.url).then(
        (text) => setCopy({ title: report.title, url: report.url, text, start: figure.start, end: figure.end }),
        (e: unknown) => setError(bilingual(e)),
      );
    },
    [db],
  );

  const exportAs = (format: IndicatorExportFormat) => {
    setError(null);
    indicatorBlob(table, format).then(
      (blob) => downloadBlob(blob, indicatorFileName(format)),
      (e: unknown) => setError(bilingual(e)),
    );
  };

  if (loaded.status === 'loading') return <p class="lib-state" aria-busy="true">{L('IndLoading')}</p>;
  if (loaded.status === 'error') return <ErrorMessage error={loaded.error} />;
  if (loaded.reports.length === 0) {
    return (
      <div class="lib-empty">
        <h2>{L('IndEmptyTitle')}</h2>
        <p>{L('IndEmptyHow')}</p>
      </div>
    );
  }

  const chartRows = rowsOf(chartGroup);
  return (
    <section class="ind" aria-label={L('TabIndicators')}>
      <p class="lib-hint">{L('IndAbout')}</p>
      <div class="ind-top">
        <fieldset class="ind-issuers">
          <legend>{L('IndIssuers')}</legend>
          {issuers.map((issuer) => (
            <label key={issuer.id}>
              <input
                type="checkbox"
                checked={chosenIds.includes(issuer.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setSelected(on ? [...chosenIds, issuer.id] : chosenIds.filter((id) => id !== issuer.id));
                }}
              />
              {issuer.name || L('IndNoIssuer')}
              <span class="lib-hint"> {L('IndReportCount', String(issuer.reports.length))}</span>
            </label>
          ))}
        </fieldset>
        <ReportList plan={plan} showIssuer={chosenIssuers.length > 1} onChoose={(key, url) => setChoices(new Map(choices).set(key, url))} />
      </div>

      {reading && <ProgressBar task={{ label: L('IndReading'), done: reading.done, total: reading.total }} />}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {undo && (
        <p class="lib-notice" role="status">
          {undo.message}{' '}
          <button type="button" class="lib-link" onClick={() => void saveMerges(undo.merges, null)}>
            {L('IndUndo')}
          </button>
        </p>
      )}

      {chosenIssuers.length === 0 ? (
        <p class="lib-state">{L('IndChooseIssuer')}</p>
      ) : table.rows.length === 0 ? (
        !reading && <p class="lib-state">{L('IndNoFigures')}</p>
      ) : (
        <>
          <div class="ind-actions">
            <div class="lib-buttons" role="group" aria-label={L('IndMergeGroup')}>
              <button type="button" disabled={ticked.size < 2} onClick={merge}>
                {L('IndMerge', String(ticked.size))}
              </button>
              {ticked.size > 0 && (
                <button type="button" class="lib-link" onClick={() => setTicked(new Set())}>
                  {L('IndUntick')}
                </button>
              )}
              <span class="lib-hint">{L('IndMergeHint')}</span>
            </div>
            <div class="lib-buttons" role="group" aria-label={L('IndExport')}>
              <span>{L('IndExport')}</span>
              <button type="button" onClick={() => exportAs('long-csv')}>{L('IndExportLong')}</button>
              <button type="button" onClick={() => exportAs('wide-csv')}>{L('IndExportWide')}</button>
              <button type="button" onClick={() => exportAs('xlsx')}>{L('IndExportXlsx')}</button>
            </div>
          </div>
          <IndicatorTable
            table={table}
            showIssuer={chosenIssuers.length > 1}
            chosen={chartGroup}
            onChoose={setChosenRow}
            ticked={ticked}
            onTick={(group, on) => {
              const next = new Set(ticked);
              if (on) next.add(group);
              else next.delete(group);
              setTicked(next);
            }}
            onUnmerge={(key) => void saveMerges(unmergeIndicator(merges, key), L('IndUnmerged', key))}
            openCopy={openCopy}
          />
          {chartRows.length > 0 && (
            <section class="ind-detail" aria-label={L('IndDetail', chartRows[0].label)}>
              <h3>{chartRows[0].label}</h3>
              <IndicatorChart label={chartRows[0].label} series={chartSeries(chartRows, table.years)} years={table.years} />
              <Sources rows={chartRows} years={table.years} openCopy={openCopy} />
            </section>
          )}
        </>
      )}
      {copy && <StoredCopy copy={copy} onClose={() => setCopy(null)} />}
    </section>
  );
}

/** The reports in use, year by year; two for one year offer a choice; those without text or year are named. */
function ReportList({ plan, showIssuer, onChoose }: { plan: YearPlan; showIssuer: boolean; onChoose: (key: string, url: string) => void }) {
  return (
    <div class="ind-reports">
      <h3>{L('IndReports')}</h3>
      <ul>
        {plan.slots.map((slot) => (
          <li key={choiceKey(slot.issuer.id, slot.year)} data-year={slot.year}>
            <strong>{slot.year}</strong> {showIssuer && <span class="lib-hint">{slot.issuer.name || L('IndNoIssuer')} </span>}
            {slot.others.length === 0 ? (
              <span title={slot.report.url}>{slot.report.title || slot.report.url}</span>
            ) : (
              <label>
                <span class="lib-warning">{L('IndConflict', String(slot.others.length + 1))}</span>{' '}
                <select value={slot.report.url} onChange={(e) => onChoose(choiceKey(slot.issuer.id, slot.year), e.currentTarget.value)}>
                  {[slot.report, ...slot.others].map((r) => (
                    <option key={r.url} value={r.url}>
                      {r.title || r.url}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {slot.report.year?.from === 'published' && <span class="lib-hint"> {L('IndYearGuessed')}</span>}
          </li>
        ))}
      </ul>
      {plan.withoutText.length > 0 && (
        <div class="ind-missing">
          <p>{L('IndWithoutText', String(plan.withoutText.length))}</p>
          <ul>
            {plan.withoutText.map((r) => (
              <li key={r.url}>
                {/^https?:\/\//i.test(r.url) ? (
                  <a href={r.url} target="_blank" rel="noopener noreferrer">
                    {r.title || r.url}
                  </a>
                ) : (
                  r.title || r.url
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.undated.length > 0 && (
        <div class="ind-missing">
          <p>{L('IndUndated', String(plan.undated.length))}</p>
          <ul>
            {plan.undated.map((r) => (
              <li key={r.url}>{r.title || r.url}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Where each cell of the chosen indicator comes from: the sentence, the page at it, the stored copy. */
function Sources({ rows, years, openCopy }: { rows: IndicatorRow[]; years: readonly number[]; openCopy: (cell: IndicatorCell, f: ReportFigure) => void }) {
  return (
    <ul class="ind-sources">
      {rows.flatMap((row) =>
        years.flatMap((year) => {
          const cell = row.cells.get(year);
          if (!cell) return [];
          const f = cellFigure(row, cell);
          const link = sentenceLink(cell.slot.report.url, f.sentence);
          return [
            <li key={`${row.id}|${year}`}>
              <strong>{year}</strong> {rows.length > 1 && <span class="lib-hint">{row.issuer.name} </span>}
              <span class="ind-figure">{f.figure}</span> <q>{f.sentence}</q>{' '}
              {link && (
                <a href={link} target="_blank" rel="noopener noreferrer">
                  {L('IndOpenPage')}
                </a>
              )}{' '}
              <button type="button" class="lib-link" onClick={() => openCopy(cell, f)}>
                {L('IndOpenCopy')}
              </button>
            </li>,
          ];
        }),
      )}
    </ul>
  );
}
