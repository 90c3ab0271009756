// The page's annotations in document order, with their terms and notes; filter by term; click to scroll to the
// passage. Annotations that could not be anchored are listed apart as orphans, never dropped.
import { browser } from '#imports';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AnnotationItem, AnnotationList, AnnotationsChanged } from '../messaging/annotations';
import type { Term } from '../model';
import { askTab, type TabInfo } from './active-tab';
import { t } from './i18n';

type State = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; list: AnnotationList };


function Item({ item, terms, onClick }: { item: AnnotationItem; terms: Map<string, Term>; onClick?: () => void }) {
  const { record } = item;
  const body = (
    <>
      <span class="quote">{record.quote?.exact ?? record.sourceUrl}</span>
      <span class="terms">
        {record.terms.map((id) => {
          const term = terms.get(id);
          return (
            <span key={id} class="term-chip" style={{ borderColor: term?.color }}>
              <span class="dot" style={{ background: term?.color }} />
              {term ? `${term.notation} ${term.label.zh}` : id}
            </span>
          );
        })}
      </span>
      {record.note && <span class="note">{record.note}</span>}
    </>
  );
  return <li>{onClick ? <button type="button" class="annotation" onClick={onClick}>{body}</button> : <div class="annotation orphan">{body}</div>}</li>;
}

export function AnnotationsPanel({ tab }: { tab: TabInfo }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [filter, setFilter] = useState('');

  useEffect(() => {
    let live = true;
    const load = () =>
      askTab<AnnotationList | null>(tab.id, { type: 'pizhu:annotations:list' })
        .then((list) => live && setState(list ? { status: 'ready', list } : { status: 'unavailable' }))
        .catch(() => live && setState({ status: 'unavailable' }));
    void load();
    const onMessage = (message: AnnotationsChanged, sender: { tab?: { id?: number } }) => {
      if (message.type === 'pizhu:annotations:changed' && sender.tab?.id === tab.id) void load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tab.id, tab.url]);

  const terms = useMemo(() => new Map((state.status === 'ready' ? state.list.terms : []).map((x) => [x.id, x])), [state]);
  if (state.status === 'loading') return <p class="state" aria-busy="true">{t('panelLoading')}</p>;
  if (state.status === 'unavailable') return <p class="state">{t('annotationsUnavailable')}</p>;
  const { items } = state.list;
  if (items.length === 0) return <p class="state">{t('annotationsEmpty')}</p>;

  const used = [...new Set(items.flatMap((i) => i.record.terms))].map((id) => terms.get(id)).filter((x): x is Term => !!x);
  const shown = filter ? items.filter((i) => i.record.terms.includes(filter)) : items;
  const anchored = shown.filter((i) => i.anchor);
  const orphans = shown.filter((i) => !i.anchor);
  return (
    <section class="annotations">
      <div class="toolbar">
        <span>{t('annotationsCount', String(items.length))}</span>
        <label>
          {t('annotationsFilter')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
            <option value="">{t('annotationsAll')}</option>
            {used.map((term) => (
              <option key={term.id} value={term.id}>
                {term.notation} {term.label.zh}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol class="annotation-list">
        {anchored.map((item) => (
          <Item key={item.record.id} item={item} terms={terms} onClick={() => void askTab(tab.id, { type: 'pizhu:annotations:reveal', id: item.record.id })} />
        ))}
      </ol>
      {orphans.length > 0 && (
        <>
          <h2 class="orphans-head">{t('annotationsOrphans')}</h2>
          <ol class="annotation-list">
            {orphans.map((item) => (
              <Item key={item.record.id} item={item} terms={terms} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
