// The library page: every annotation across pages in one searchable, filterable, sortable table (windowed for
// 100,000 rows), with export and import above it; the taxonomy editor, backup/restore and inter-coder agreement
// (with adjudication) on tabs of their own.
// The page opens Pizhu's database directly (it is an extension page of the same origin as the background).
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ExportContext } from '../../exchange/export-context';
import { applyAnnotationChange, loadLibrary, relabel, type LibraryData } from '../../library/load';
import { TaxonomyService } from '../../library/taxonomy-service';
import { applyQuery, EMPTY_QUERY, isFiltered, type LibraryQuery, type SortKey } from '../../library/query';
import type { Agent, Coder } from '../../model';
import { coderItem, currentCoder, setCoderName } from '../../storage/coder';
import type { TeamApi } from '../../library/team-api';
import type { PizhuDB } from '../../storage/db';
import { AgreementTab } from './agreement/AgreementTab';
import { AnnotationTable } from './AnnotationTable';
import { BackupPanel } from './BackupPanel';
import { CoderField } from './CoderField';
import { ErrorMessage } from './ErrorMessage';
import { ExportButtons } from './ExportButtons';
import { FilterBar } from './FilterBar';
import { ImportPanel } from './ImportPanel';
import { IndicatorsTab } from './indicators/IndicatorsTab';
import { ProgressBar } from './ProgressBar';
import { bilingual, L, type Bilingual } from './strings';
import { TaxonomyEditor } from './TaxonomyEditor';
import { TeamTab } from './TeamTab';
import { useTask } from './use-task';

type Tab = 'annotations' | 'taxonomy' | 'backup' | 'agreement' | 'indicators' | 'team';

const TAB_LABELS: Record<Tab, string> = {
  annotations: 'TabAnnotations', taxonomy: 'TabTaxonomy', backup: 'TabBackup', agreement: 'TabAgreement', indicators: 'TabIndicators',
  team: 'TabTeam',
};

type LoadState =
  | { status: 'loading'; done: number; total: number }
  | { status: 'error'; error: Bilingual }
  | { status: 'ready'; data: LibraryData };

/** `team`: the team's sync, reached through the background (the Team tab shows when it is given). */
export function LibraryApp({ db, team }: { db: PizhuDB; team?: TeamApi }) {
  const [tab, setTab] = useState<Tab>('annotations');
  const [load, setLoad] = useState<LoadState>({ status: 'loading', done: 0, total: 0 });
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY);
  const [error, setError] = useState<Bilingual | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const onError = useCallback((e: unknown) => {
    setNotice(null);
    setError(bilingual(e));
  }, []);
  const onCancelled = useCallback(() => setNotice(L('Cancelled')), []);
  const tasks = useTask(onError, onCancelled);
  const [me, setMe] = useState<Coder | null>(null);

  useEffect(() => {
    currentCoder().then(setMe, onError);
    return coderItem.watch((next) => next && setMe(next));
  }, [onError]);
  const taxonomyService = useMemo(() => new TaxonomyService(db), [db]);

  const reload = useCallback(async () => {
    setLoad((s) => ({ status: 'loading', done: 0, total: s.status === 'ready' ? s.data.rows.length : 0 }));
    try {
      let lastPaint = 0;
      const data = await loadLibrary(db, (done, total) => {
        if (performance.now() - lastPaint > 100) {
          lastPaint = performance.now();
          setLoad({ status: 'loading', done, total });
        }
      });
      setLoad({ status: 'ready', data });
    } catch (e) {
      setLoad({ status: 'error', error: bilingual(e) });
    }
  }, [db]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const data = load.status === 'ready' ? load.data : null;
  const shown = useMemo(() => (data ? applyQuery(data.rows, query) : []), [data, query]);
  const ctx: ExportContext = useMemo(
    () => ({ pages: data?.pages ?? new Map(), terms: data?.terms ?? new Map(), coders: new Map(me?.name ? [[me.id, me.name]] : []) }),
    [data, me],
  );
  const used = useMemo(() => {
    const terms = new Set<string>();
    const pages = new Set<string>();
    const coders = new Map<string, Agent>();
    for (const r of data?.rows ?? []) {
      pages.add(r.annotation.pageUrl);
      for (const t of r.annotation.terms) terms.add(t);
      const c = r.annotation.creator;
      if (c?.id && !coders.has(c.id)) coders.set(c.id, c);
    }
    return { terms, pages, coders };
  }, [data]);
  // Offered by name when an import asks whose a file is; a library of many tools' users offers the first twenty.
  const colleagues = useMemo(
    () => [...used.coders.values()].filter((c) => c.id !== me?.id).sort((a, b) => (a.name || a.id!).localeCompare(b.name || b.id!)).slice(0, 20),
    [used, me],
  );
  const saveCoderName = (name: string) =>
    setCoderName(name).then((saved) => {
      setMe(saved);
      finished(L('CoderSaved', [saved.name]));
    }, onError);

  const onSort = (key: SortKey) =>
    setQuery((q) => ({ ...q, sort: key, descending: q.sort === key ? !q.descending : key === 'created' || key === 'modified' }));

  const finished = (message: string) => {
    setError(null);
    setNotice(message);
  };
  const total = data?.rows.length ?? 0;

  return (
    <div class="lib">
      <header class="lib-top">
        <h1>{L('Title')}</h1>
        <nav class="lib-tabs" role="tablist">
          {(['annotations', 'taxonomy', 'backup', 'agreement', 'indicators', ...(team ? ['team' as const] : [])] as Tab[]).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
              {L(TAB_LABELS[t])}
            </button>
          ))}
        </nav>
        <output class="lib-count" id="library-count" data-count={shown.length} data-total={total} aria-live="polite">
          {load.status === 'ready' ? L('Count', [shown.length.toLocaleString(), total.toLocaleString()]) : ''}
        </output>
      </header>

      {tasks.task && <ProgressBar task={tasks.task} onCancel={tasks.cancel} />}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {notice && !error && (
        <p class="lib-notice" role="status">
          {notice}
        </p>
      )}

      {tab === 'annotations' && (
        <main class="lib-main">
          <div class="lib-actions">
            <CoderField coder={me} onSave={(name) => void saveCoderName(name)} />
            <ImportPanel db={db} tasks={tasks} me={me} colleagues={colleagues} onImported={(m) => { finished(m); void reload(); }} />
            <ExportButtons db={db} annotations={() => shown.map((r) => r.annotation)} count={shown.length} ctx={ctx} tasks={tasks} onDone={finished} />
          </div>
          {load.status === 'loading' && (
            <ProgressBar task={{ label: L('Loading', [load.done.toLocaleString(), load.total.toLocaleString()]), done: load.done, total: load.total || undefined }} />
          )}
          {load.status === 'error' && <ErrorMessage error={load.error} />}
          {data && data.rows.length === 0 && (
            <div class="lib-empty">
              <h2>{L('EmptyTitle')}</h2>
              <p>{L('EmptyHow')}</p>
              <p>{L('EmptyImport')}</p>
            </div>
          )}
          {data && data.rows.length > 0 && (
            <>
              <FilterBar query={query} onChange={setQuery} pages={data.pages} terms={data.terms} usedTerms={used.terms} usedPages={used.pages} coders={used.coders} />
              {shown.length === 0 && isFiltered(query) ? (
                <p class="lib-state">{L('NoMatch')}</p>
              ) : (
                <AnnotationTable rows={shown} terms={data.terms} query={query} onSort={onSort}
                  onNotOpened={(url) => finished(L('NotOpened', [url.length > 200 ? `${url.slice(0, 200)}…` : url]))} />
              )}
            </>
          )}
        </main>
      )}
      {tab === 'taxonomy' && (
        <main class="lib-main">
          <TaxonomyEditor
            service={taxonomyService}
            onError={onError}
            onMessage={finished}
            onTermsChanged={(terms) => data && setLoad({ status: 'ready', data: relabel(data, terms) })}
          />
        </main>
      )}
      {tab === 'indicators' && (
        <main class="lib-main lib-scroll">
          <IndicatorsTab db={db} />
        </main>
      )}
      {tab === 'team' && team && (
        <main class="lib-main lib-scroll">
          <TeamTab api={team} terms={data?.terms ?? new Map()} coders={used.coders} />
        </main>
      )}
      {tab === 'backup' && (
        <main class="lib-main lib-scroll">
          <BackupPanel db={db} tasks={tasks} currentCount={total} onMessage={finished} onRestored={(m) => { finished(m); void reload(); }} />
        </main>
      )}
      {tab === 'agreement' && (
        <main class="lib-main lib-scroll">
          {load.status === 'error' ? (
            <ErrorMessage error={load.error} />
          ) : (
            <AgreementTab
              db={db}
              data={data}
              onAnnotationsChanged={(change) => setLoad((s) => (s.status === 'ready' ? { status: 'ready', data: applyAnnotationChange(s.data, change) } : s))}
            />
          )}
        </main>
      )}
    </div>
  );
}
