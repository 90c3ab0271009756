// The library page: every annotation across pages in one searchable, filterable, sortable table (windowed for
// 100,000 rows), with export and import above it; the taxonomy editor, backup/restore and inter-coder agreement
// (with adjudication) on tabs of their own.
// The page opens Pizhu's database directly (it is an extension page of the same origin as the background).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportContext } from '../../exchange/export-context';
import { applyAnnotationChange, loadLibrary, relabel, type LibraryData } from '../../library/load';
import { TaxonomyService } from '../../library/taxonomy-service';
import { applyQuery, EMPTY_QUERY, isFiltered, type LibraryQuery, type SortKey } from '../../library/query';
import type { Agent, Coder, Term } from '../../model';
import { coderItem, currentCoder, setCoderName } from '../../storage/coder';
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
import { useTask, type TaskControl } from './use-task';

const NO_TERMS: ReadonlyMap<string, Term> = new Map();

type Tab = 'annotations' | 'taxonomy' | 'backup' | 'agreement' | 'indicators';

const TAB_LABELS: Record<Tab, string> = {
  annotations: 'TabAnnotations', taxonomy: 'TabTaxonomy', backup: 'TabBackup', agreement: 'TabAgreement', indicators: 'TabIndicators',
};

/** What a tab last said: a notice (done, cancelled) or an error. Kept per tab, so that an export's notice is not
 * read as the taxonomy's. */
type TabMessage = { kind: 'notice'; text: string } | { kind: 'error'; error: Bilingual };

type LoadState =
  | { status: 'loading'; done: number; total: number }
  | { status: 'error'; error: Bilingual }
  | { status: 'ready'; data: LibraryData };

export function LibraryApp({ db }: { db: PizhuDB }) {
  const [tab, setTab] = useState<Tab>('annotations');
  const [load, setLoad] = useState<LoadState>({ status: 'loading', done: 0, total: 0 });
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY);
  const [messages, setMessages] = useState<Partial<Record<Tab, TabMessage>>>({});
  const say = useCallback((on: Tab, message: TabMessage | null) => setMessages((all) => ({ ...all, [on]: message ?? undefined })), []);
  const errorOn = useCallback((on: Tab) => (e: unknown) => say(on, { kind: 'error', error: bilingual(e) }), [say]);
  const noticeOn = (on: Tab) => (text: string) => say(on, { kind: 'notice', text });
  const onError = useMemo(() => errorOn('annotations'), [errorOn]);

  // A long task speaks on the tab it was started from, whichever tab is open when it ends.
  const taskTab = useRef<Tab>('annotations');
  const onTaskError = useCallback((e: unknown) => errorOn(taskTab.current)(e), [errorOn]);
  const onCancelled = useCallback(() => say(taskTab.current, { kind: 'notice', text: L('Cancelled') }), [say]);
  const tasks = useTask(onTaskError, onCancelled);
  const tasksOn = (on: Tab): TaskControl => ({
    ...tasks,
    run: (label, work) => {
      taskTab.current = on;
      return tasks.run(label, work);
    },
  });
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

  const finished = noticeOn('annotations');
  const message = messages[tab];
  const total = data?.rows.length ?? 0;

  return (
    <div class="lib">
      <header class="lib-top">
        <h1>{L('Title')}</h1>
        <nav class="lib-tabs" role="tablist">
          {(['annotations', 'taxonomy', 'backup', 'agreement', 'indicators'] as Tab[]).map((t) => (
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
      {message?.kind === 'error' && <ErrorMessage error={message.error} onDismiss={() => say(tab, null)} />}
      {message?.kind === 'notice' && (
        <p class="lib-notice" role="status">
          {message.text}
        </p>
      )}

      {tab === 'annotations' && (
        <main class="lib-main">
          <div class="lib-actions">
            <CoderField coder={me} onSave={(name) => void saveCoderName(name)} />
            <ImportPanel db={db} tasks={tasksOn('annotations')} me={me} colleagues={colleagues} terms={data?.terms ?? NO_TERMS} onImported={(m) => { finished(m); void reload(); }} />
            <ExportButtons db={db} annotations={() => shown.map((r) => r.annotation)} count={shown.length} ctx={ctx} tasks={tasksOn('annotations')} onDone={finished} />
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
              <FilterBar query={query} onChange={setQuery} pages={data.pages} terms={data.terms} usedTerms={used.terms} usedPages={used.pages} />
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
            onError={errorOn('taxonomy')}
            onMessage={noticeOn('taxonomy')}
            onTermsChanged={(terms) => data && setLoad({ status: 'ready', data: relabel(data, terms) })}
          />
        </main>
      )}
      {tab === 'indicators' && (
        <main class="lib-main lib-scroll">
          <IndicatorsTab db={db} />
        </main>
      )}
      {tab === 'backup' && (
        <main class="lib-main lib-scroll">
          <BackupPanel db={db} tasks={tasksOn('backup')} currentCount={total} onMessage={noticeOn('backup')} onRestored={(m) => { noticeOn('backup')(m); void reload(); }} />
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
