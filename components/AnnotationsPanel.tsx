// The page's annotations in document order, with their terms and notes; filter by term; click to scroll to the
// passage; the note on the page as a whole (the memo box) above them. Each can be edited (terms, note) and deleted (with undo) here: the tab's content script makes the change,
// so that the page redraws with it. Annotations that could not be anchored are listed apart as orphans, never
// dropped, each with a way to the page's stored copy (the reader), where the text they were made on may still hold
// them, and a way to attach it to the passage the user selects on the page where its text now stands.
import { useMemo, useState } from 'preact/hooks';
import { browser } from '#imports';
import { readerPath } from '../library/reader-url';
import { tabs, type AnnotationItem } from '../messaging';
import type { TabInfo } from './active-tab';
import { AnnotationEditor } from './AnnotationEditor';
import { Item, TermFilter } from './AnnotationItem';
import { errorText, t } from './i18n';
import { PageNote } from './PageNote';
import { useTabRequest } from './use-tab-request';

/** Opens the reader of the page's stored copy at an annotation, in a new tab. */
function openStoredCopy(pageUrl: string, id: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(readerPath(pageUrl, id)) }).catch(() => {});
}

type Notice =
  | { kind: 'deleted'; id: string }
  | { kind: 'info'; text: string }
  | { kind: 'error'; text: string };

export function AnnotationsPanel({ tab }: { tab: TabInfo }) {
  const state = useTabRequest(tab, 'annotations:list', { refreshOn: ['annotations:changed', 'scan:done'] });
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const list = state.status === 'ready' ? state.value : null;
  const terms = useMemo(() => new Map((list?.terms ?? []).map((x) => [x.id, x])), [list]);
  if (state.status === 'loading') return <p class="state" aria-busy="true">{t('panelLoading')}</p>;
  // No list: Pizhu is off on the site, or the annotations could not be read.
  if (!list) return <p class="state">{t('annotationsUnavailable')}</p>;
  const { items } = list;

  /** One request to the tab for one annotation, with its button busy meanwhile and the failure said. */
  const act = async <T,>(id: string, run: () => Promise<T>): Promise<T | undefined> => {
    setBusy(id);
    try {
      return await run();
    } catch (e) {
      setNotice({ kind: 'error', text: t('annotationActionFailed', errorText(e)) });
      return undefined;
    } finally {
      setBusy(null);
    }
  };
  const remove = (id: string) =>
    void act(id, () => tabs.sendToTab(tab.id, 'annotations:remove', { id })).then((done) => {
      if (done) setNotice({ kind: 'deleted', id });
    });
  const undo = (id: string) =>
    void act(id, () => tabs.sendToTab(tab.id, 'annotations:undo-remove', { id })).then((done) => done && setNotice(null));
  const attach = (id: string) =>
    void act(id, () => tabs.sendToTab(tab.id, 'annotations:attach', { id })).then((result) => {
      if (result === 'attached') setNotice({ kind: 'info', text: t('annotationAttached') });
      else if (result === 'no-selection') setNotice({ kind: 'error', text: t('annotationAttachNoSelection') });
    });

  const actions = (item: AnnotationItem) => {
    const { id } = item.record;
    if (editing === id) {
      return (
        <AnnotationEditor
          terms={item.record.terms}
          note={item.record.note}
          known={terms}
          onSave={async (change) => {
            await tabs.sendToTab(tab.id, 'annotations:edit', { id, ...change });
            setEditing(null);
            setNotice({ kind: 'info', text: t('annotationSaved') });
          }}
          onCancel={() => setEditing(null)}
        />
      );
    }
    const disabled = busy === id;
    // An orphan has lost its passage; a note on the whole page never had one, and is neither attached nor looked up.
    const orphan = !item.anchor && !!item.record.quote;
    return (
      <div class="annotation-actions">
        {item.anchor && (
          <button type="button" disabled={disabled} onClick={() => void tabs.sendToTab(tab.id, 'annotations:reveal', { id }).catch(() => {})}>
            {t('annotationGoTo')}
          </button>
        )}
        {orphan && (
          <button type="button" class="attach" disabled={disabled} title={t('annotationAttachHint')} onClick={() => attach(id)}>
            {t('annotationAttach')}
          </button>
        )}
        <button type="button" disabled={disabled} onClick={() => { setNotice(null); setEditing(id); }}>{t('annotationEdit')}</button>
        <button type="button" class="danger" disabled={disabled} onClick={() => remove(id)}>{t('annotationDelete')}</button>
        {orphan && (
          <button type="button" class="open-stored" title={t('annotationsOpenStoredHint')} onClick={() => openStoredCopy(item.record.pageUrl, id)}>
            {t('annotationsOpenStored')}
          </button>
        )}
      </div>
    );
  };

  const noticeBar = notice && (
    <div class={notice.kind === 'error' ? 'panel-notice error' : 'panel-notice'} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.kind === 'deleted' ? t('annotationDeleted') : notice.text}</span>
      {notice.kind === 'deleted' && (
        <button type="button" disabled={busy === notice.id} onClick={() => undo(notice.id)}>{t('undo')}</button>
      )}
      <button type="button" class="dismiss" aria-label={t('annotationDismiss')} title={t('annotationDismiss')} onClick={() => setNotice(null)}>×</button>
    </div>
  );
  // Notes on the whole page have no passage: the first is the memo the box edits, any others (imported) listed by it.
  const pageNotes = items.filter((i) => !i.record.quote);
  const memo = pageNotes[0]?.record;
  const memoBox = (
    <>
      <PageNote key={tab.id} tab={tab} memo={memo} />
      {pageNotes.length > 1 && (
        <>
          <h2 class="orphans-head">{t('pageNoteOthers')}</h2>
          <ol class="annotation-list page-notes">
            {pageNotes.slice(1).map((item) => (
              <Item key={item.record.id} item={item} terms={terms}>
                {actions(item)}
              </Item>
            ))}
          </ol>
        </>
      )}
    </>
  );
  const passages = items.filter((i) => i.record.quote);
  if (passages.length === 0) {
    return (
      <section class="annotations">
        {noticeBar}
        {memoBox}
        <p class="state">{t('annotationsEmpty')}</p>
      </section>
    );
  }

  const shown = filter ? passages.filter((i) => i.record.terms.includes(filter)) : passages;
  const anchored = shown.filter((i) => i.anchor);
  const orphans = shown.filter((i) => !i.anchor);
  return (
    <section class="annotations">
      {noticeBar}
      {memoBox}
      <div class="toolbar">
        <span>{t('annotationsCount', String(passages.length))}</span>
        <TermFilter items={passages} terms={terms} value={filter} onChange={setFilter} />
      </div>
      <ol class="annotation-list">
        {anchored.map((item) => (
          <Item key={item.record.id} item={item} terms={terms} onClick={() => void tabs.sendToTab(tab.id, 'annotations:reveal', { id: item.record.id }).catch(() => {})}>
            {actions(item)}
          </Item>
        ))}
      </ol>
      {orphans.length > 0 && (
        <>
          <h2 class="orphans-head">{t('annotationsOrphans')}</h2>
          <p class="orphans-hint">{t('annotationAttachHint')}</p>
          <ol class="annotation-list">
            {orphans.map((item) => (
              <Item key={item.record.id} item={item} terms={terms}>
                {actions(item)}
              </Item>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
