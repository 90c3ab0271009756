// The note on the page as a whole (a report-level memo, an annotation without a passage), written and edited in the
// side panel's list of annotations. Blank and saved, it is deleted: no empty annotation is kept.
import { useState } from 'preact/hooks';
import { RemoteError, tabs } from '../messaging';
import type { AnnotationRecord } from '../model';
import type { TabInfo } from './active-tab';
import { t, uiLang } from './i18n';

/** `memo`: the page's memo as listed (undefined when it has none); the box starts from its note. */
export function PageNote({ tab, memo }: { tab: TabInfo; memo: AnnotationRecord | undefined }) {
  const [draft, setDraft] = useState(memo?.note ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const stored = memo?.note ?? '';

  const save = () => {
    setSaving(true);
    setError('');
    tabs.sendToTab(tab.id, 'annotations:page-note', { note: draft })
      // The draft stays in the box when it fails: nothing typed is lost.
      .catch((e: unknown) => setError(e instanceof RemoteError ? (uiLang() === 'en' ? e.en : e.zh) : String(e)))
      .finally(() => setSaving(false));
  };

  return (
    <section class="page-note">
      <h2 id="page-note-head" class="orphans-head">{t('pageNoteHead')}</h2>
      <textarea rows={3} value={draft} placeholder={t('pageNotePlaceholder')} aria-labelledby="page-note-head" onInput={(e) => setDraft(e.currentTarget.value)} />
      <div class="page-note-row">
        <button type="button" disabled={saving || draft === stored || (!draft.trim() && !memo)} onClick={save}>
          {!draft.trim() && memo ? t('pageNoteDelete') : t('pageNoteSave')}
        </button>
        <span role="status">{saving ? t('pageNoteSaving') : memo && draft === stored && !error ? t('pageNoteSaved') : ''}</span>
      </div>
      {error && <p class="error" role="alert">{t('pageNoteFailed')} {error}</p>}
    </section>
  );
}
