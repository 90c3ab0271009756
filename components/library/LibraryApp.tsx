// The library page: every annotation across pages in one searchable, filterable, sortable table (windowed for
// 100,000 rows), with export and import above it; the taxonomy editor, backup/restore and inter-coder agreement
// (with adjudication) on tabs of their own.
// The page opens Pizhu's database directly (it is an extension page of the same origin as the background). Rows are
// edited and deleted here, one by one or as a selection, with undo; open tabs of the pages changed redraw.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportContext } from '../../exchange/export-context';
import { deleteAnnotations, editAnnotation, retagAnnotations, type ActionOutcome, type AnnotationChange } from '../../library/annotation-actions';
import { applyAnnotationChange, loadLibrary, relabel, type LibraryData } from '../../library/load';
import type { LibraryRow } from '../../library/rows';
import { TaxonomyService } from '../../library/taxonomy-service';
import { applyQuery, EMPTY_QUERY, isFiltered, type LibraryQuery, type SortKey } from '../../library/query';
import type { Agent, Coder, Term } from '../../model';
import { AnnotationService } from '../../storage/annotation-service';
import { coderItem, currentCoder, setCoderName } from '../../storage/coder';
import type { TeamApi } from '../../library/team-api';
import type { PizhuDB } from '../../storage/db';
import { AnnotationEditor } from '../AnnotationEditor';
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
import { SelectionBar } from './SelectionBar';
import { bilingual, L, Ln, type Bilingual } from './strings';
import { TaxonomyEditor } from './TaxonomyEditor';
import { TeamTab } from './TeamTab';
import { useTask, type TaskControl } from './use-task';

const NO_TERMS: ReadonlyMap<string, Term> = new Map();

type Tab = 'annotations' | 'taxonomy' | 'backup' | 'agreement' | 'indicators' | 'team';

const TAB_LABELS: Record<Tab, string> = {
  annotations: 'TabAnnotations', taxonomy: 'TabTaxonomy', backup: 'TabBackup', agreement: 'TabAgreement', indicators: 'TabIndicators',
  team: 'TabTeam',
};

/** What a tab last said: a notice (done, cancelled) or an error. Kept per tab, so that an export's notice is not
 * read as the taxonomy's. */
type TabMessage = { kind: 'notice'; text: string } | { kind: 'error'; error: Bilingual };

type LoadState =
  /** `previous`: what was shown before this reading (after an import, an undo…), kept on screen meanwhile, so that the
   * list does not vanish and a search being typed is not lost with its box. */
  | { status: 'loading'; done: number; total: number; previous?: LibraryData }
  | { status: 'error'; error: Bilingual }
  | { status: 'ready'; data: LibraryData };

/** The rows on screen in a state: those read, or while reading again those read before. */
const onScreen = (s: LoadState): LibraryData | undefined => (s.status === 'ready' ? s.data : s.status === 'loading' ? s.previous : undefined);

export interface LibraryAppProps {
  db: PizhuDB;
  /** Annotations of these pages were changed here: open tabs showing one redraw (entrypoints wire it). */
  onAnnotationsStored?: (pages: string[]) => void;
  /** The team's sync, reached through the background (the Team tab shows when it is given). */
  team?: TeamApi;
}

export function LibraryApp({ db, onAnnotationsStored, team }: LibraryAppProps) {
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
  const annotationService = useMemo(() => new AnnotationService(db, currentCoder), [db]);
  // Rows chosen for an action on the selection; the row being edited; the last change, while it can be undone.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<LibraryRow | null>(null);
  const [undoable, setUndoable] = useState<{ message: string; undo: ActionOutcome['undo']; pages: string[] } | null>(null);
  const [writing, setWriting] = useState(false);

  const reload = useCallback(async () => {
    setLoad((s) => {
      const previous = onScreen(s);
      return { status: 'loading', done: 0, total: previous?.rows.length ?? 0, previous };
    });
    try {
      let lastPaint = 0;
      const data = await loadLibrary(db, (done, total) => {
        if (performance.now() - lastPaint > 100) {
          lastPaint = performance.now();
          setLoad((s) => ({ status: 'loading', done, total, previous: s.status === 'loading' ? s.previous : undefined }));
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
  // A selection is of the rows shown: another filter starts another one (no row out of sight is acted on); another
  // sort keeps it.
  const { text, term, page, kind, from, to } = query;
  useEffect(() => setSelected(new Set()), [text, term, page, kind, from, to]);

  const data = onScreen(load) ?? null;
  const shown = useMemo(() => (data ? applyQuery(data.rows, query) : []), [data, query]);
  // The terms the selected rows carry: those a selection can have taken off.
  const carried = useMemo(
    () => new Set(selected.size && data ? data.rows.flatMap((r) => (selected.has(r.annotation.id) ? r.annotation.terms : [])) : []),
    [data, selected],
  );
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

  const message = messages[tab];
  const finished = (text: string) => {
    setUndoable(null);
    noticeOn('annotations')(text);
  };

  /** The rows after a change stored here, and the open tabs told of it; the selection keeps only rows still there. */
  const applyChange = (change: AnnotationChange, pages: string[]) => {
    setLoad((s) => (s.status === 'ready' ? { status: 'ready', data: applyAnnotationChange(s.data, change) } : s));
    if (change.removed.length) {
      const gone = new Set(change.removed);
      setSelected((sel) => new Set([...sel].filter((id) => !gone.has(id))));
      setEditing((row) => (row && gone.has(row.annotation.id) ? null : row));
    }
    if (pages.length) onAnnotationsStored?.(pages);
  };
  /** One write at a time: the rows change only once it is stored, so a failed one loses nothing and says why. */
  const write = async (action: () => Promise<ActionOutcome>, message: (outcome: ActionOutcome) => string): Promise<boolean> => {
    setWriting(true);
    try {
      const outcome = await action();
      applyChange(outcome.change, outcome.pages);
      if (outcome.count === 0) finished(L('NothingChanged'));
      else {
        say('annotations', null);
        setUndoable({ message: message(outcome), undo: outcome.undo, pages: outcome.pages });
      }
      return true;
    } catch (e) {
      onError(e);
      return false;
    } finally {
      setWriting(false);
    }
  };
  const undo = async () => {
    if (!undoable) return;
    setWriting(true);
    try {
      applyChange(await undoable.undo(), undoable.pages);
      finished(L('Undone'));
    } catch (e) {
      onError(e);
    } finally {
      setWriting(false);
    }
  };
  const termLabel = (id: string) => {
    const term = data?.terms.get(id);
    return term ? term.label.zh || term.label.en : id;
  };
  const removeRows = (ids: string[]) =>
    void write(() => deleteAnnotations(annotationService, ids), (o) => Ln('Deleted', o.count));
  const retag = (change: { add?: string; remove?: string }) =>
    void write(
      () => retagAnnotations(annotationService, [...selected], change),
      (o) => (change.add ? Ln('TermAdded', o.count, [termLabel(change.add)]) : Ln('TermRemoved', o.count, [termLabel(change.remove!)])),
    );
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
      {message?.kind === 'error' && <ErrorMessage error={message.error} onDismiss={() => say(tab, null)} />}
      {message?.kind === 'notice' && (
        <p class="lib-notice" role="status">
          {message.text}
        </p>
      )}
      {undoable && tab === 'annotations' && message?.kind !== 'error' && (
        <p class="lib-notice lib-undo" role="status">
          {undoable.message}
          <button type="button" disabled={writing} onClick={() => void undo()}>{L('Undo')}</button>
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
              <FilterBar query={query} onChange={setQuery} pages={data.pages} terms={data.terms} usedTerms={used.terms} usedPages={used.pages} coders={used.coders} />
              {editing && (
                <section class="lib-edit" aria-label={L('EditTitle')}>
                  <h2>{L('EditTitle')}</h2>
                  <p class="lib-quote-full">{editing.annotation.quote?.exact ?? editing.page?.title ?? editing.annotation.pageUrl}</p>
                  <AnnotationEditor
                    key={editing.annotation.id}
                    terms={editing.annotation.terms}
                    note={editing.annotation.note}
                    known={data.terms}
                    onSave={async (change) => {
                      const id = editing.annotation.id;
                      const outcome = await editAnnotation(annotationService, id, change);
                      applyChange(outcome.change, outcome.pages);
                      setEditing(null);
                      if (outcome.count) {
                        say('annotations', null);
                        setUndoable({ message: L('Edited'), undo: outcome.undo, pages: outcome.pages });
                      } else finished(L('NothingChanged'));
                    }}
                    onCancel={() => setEditing(null)}
                  />
                </section>
              )}
              {selected.size > 0 && (
                <SelectionBar
                  count={selected.size}
                  terms={data.terms}
                  carried={carried}
                  busy={writing}
                  onDelete={() => removeRows([...selected])}
                  onAddTerm={(id) => retag({ add: id })}
                  onRemoveTerm={(id) => retag({ remove: id })}
                  onClear={() => setSelected(new Set())}
                />
              )}
              {shown.length === 0 && isFiltered(query) ? (
                <p class="lib-state">{L('NoMatch')}</p>
              ) : (
                <AnnotationTable rows={shown} terms={data.terms} query={query} onSort={onSort}
                  onNotOpened={(url) => finished(L('NotOpened', [url.length > 200 ? `${url.slice(0, 200)}…` : url]))}
                  selected={selected}
                  onSelect={(id, on) => setSelected((sel) => {
                    const next = new Set(sel);
                    if (on) next.add(id);
                    else next.delete(id);
                    return next;
                  })}
                  onSelectAll={(on) => setSelected(on ? new Set(shown.map((r) => r.annotation.id)) : new Set())}
                  onEdit={(row) => setEditing(row)}
                  onDelete={(row) => removeRows([row.annotation.id])}
                  busy={writing} />
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
      {tab === 'team' && team && (
        <main class="lib-main lib-scroll">
          <TeamTab api={team} terms={data?.terms ?? new Map()} coders={used.coders} />
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
