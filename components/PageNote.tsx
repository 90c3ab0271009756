// The note on the page as a whole (a report-level memo, an annotation without a passage), written and edited in the
// side panel's list of annotations. Blank and saved, it is deleted: no empty annotation is kept.
import { useState } from 'preact/hooks';
import { RemoteError, tabs } from '../messaging';
import type { AnnotationRecord } from '../model';
import type { TabInfo } from './active-tab';
import { t, uiLang } from './i18n';

type Status = { state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; message: string };

const messageOf = (e: unknown) =>
  e instanceof RemoteError ? (uiLang() === 'en' ? e.en : e.zh) : e instanceof Error ? e.message : String(e);

/** `memo`: the page's memo as listed (undefined when it has none); the box starts from its note. */
export function PageNote({ tab, memo }: { tab: TabInfo; memo: AnnotationRecord | undefined }) {
  const [draft, setDraft] = useState(memo?.note ?? '');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const unchanged = draft === (memo?.note ?? '');
  const deleting = !draft.trim() && !!memo;

  const save = async () => {
    setStatus({ state: 'saving' });
    try {
      await tabs.sendToTab(tab.id, 'annotations:page-note', { note: draft });
      setStatus({ state: 'saved' });
    } catch (e) {
      // The draft stays in the box: nothing typed is lost.
      setStatus({ state: 'failed', message: messageOf(e) });
    }
  };

  return (
    <section class="page-note" aria-labelledby="page-note-head">
      <h2 id="page-note-head" class="orphans-head">{t('pageNoteHead')}</h2>
      <textarea
        rows={3}
        value={draft}
        placeholder={t('pageNotePlaceholder')}
        aria-labelledby="page-note-head"
        onInput={(e) => {
          setDraft(e.currentTarget.value);
          if (status.state !== 'saving') setStatus({ state: 'idle' });
        }}
      />
      <div class="page-note-row">
        <button type="button" disabled={unchanged || status.state === 'saving' || (!draft.trim() && !memo)} onClick={() => void save()}>
          {deleting ? t('pageNoteDelete') : t('pageNoteSave')}
        </button>
        <span role="status">
          {status.state === 'saving' ? t('pageNoteSaving') : status.state === 'saved' && unchanged ? t('pageNoteSaved') : ''}
        </span>
      </div>
      {status.state === 'failed' && <p class="error" role="alert">{t('pageNoteFailed')} {status.message}</p>}
    </section>
  );
}
