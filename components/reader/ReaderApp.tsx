// The reader of a stored copy: the page named in its address, as Pizhu stored it. Its states: no page named, the
// copy being read, a page the library does not know, a page whose text is not stored yet (its annotations listed
// all the same), an error, and the reading itself (StoredReader).
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReaderTarget } from '../../library/reader-url';
import { loadStoredPage, readingInput, readInWorker, type StoredPage } from '../../library/stored-page';
import type { PageRecord, Term } from '../../model';
import type { StoredReading } from '../../reading/read';
import type { PizhuDB } from '../../storage/db';
import { Item } from '../AnnotationsPanel';
import { t } from '../i18n';
import { ErrorMessage } from '../library/ErrorMessage';
import { bilingual, type Bilingual } from '../library/strings';
import { PageHead } from './PageHead';
import { StoredReader } from './StoredReader';

type TextPage = StoredPage & { page: PageRecord & { snapshot: string } };

type State =
  | { status: 'loading' }
  | { status: 'unknown' }
  | { status: 'error'; error: Bilingual }
  | { status: 'no-text'; stored: StoredPage }
  | { status: 'ready'; stored: TextPage; reading: StoredReading };

const hasText = (stored: StoredPage): stored is TextPage => typeof stored.page?.snapshot === 'string';

export function ReaderApp({ db, target }: { db: PizhuDB; target: ReaderTarget | null }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    if (!target) return;
    let live = true;
    (async () => {
      const stored = await loadStoredPage(db, target.page);
      if (!live) return;
      if (!stored) return setState({ status: 'unknown' });
      if (!hasText(stored)) return setState({ status: 'no-text', stored });
      const readStart = performance.now();
      const reading = await readInWorker(readingInput(stored));
      // The reading's share of opening the copy (the bench reads it).
      performance.measure('pizhu:reader-read', { start: readStart });
      if (live) setState({ status: 'ready', stored, reading });
    })().catch((e) => live && setState({ status: 'error', error: bilingual(e) }));
    return () => {
      live = false;
    };
  }, [db, target?.page]);

  const title = state.status === 'ready' || state.status === 'no-text' ? state.stored.page?.title || state.stored.url : '';
  useEffect(() => {
    if (title) document.title = t('readerDocTitle', title);
  }, [title]);

  if (!target) return <main class="reader-state"><p class="state">{t('readerNoPage')}</p></main>;
  switch (state.status) {
    case 'loading':
      return <main class="reader-state"><p class="state" aria-busy="true">{t('readerLoading')}</p></main>;
    case 'unknown':
      return <main class="reader-state"><p class="state">{t('readerUnknown', target.page)}</p></main>;
    case 'error':
      return <main class="reader-state"><p class="state">{t('readerError')}</p><ErrorMessage error={state.error} /></main>;
    case 'no-text':
      return <NoText stored={state.stored} />;
    case 'ready':
      return <StoredReader stored={state.stored} reading={state.reading} target={target} />;
  }
}

/** A page whose text was never stored (its annotations came by import): said so, and its annotations listed. */
function NoText({ stored }: { stored: StoredPage }) {
  const terms = useMemo(() => new Map<string, Term>(stored.terms.map((x) => [x.id, x])), [stored.terms]);
  return (
    <main class="reader-state">
      <PageHead page={stored.page} url={stored.url} />
      <p class="state reader-no-text" role="status">{t('readerNoText')}</p>
      {stored.annotations.length > 0 && (
        <section class="reader-list">
          <h2>{t('readerPageAnnotations')}</h2>
          <ol class="annotation-list">
            {stored.annotations.map((record) => <Item key={record.id} item={{ record, anchor: null }} terms={terms} />)}
          </ol>
        </section>
      )}
    </main>
  );
}
