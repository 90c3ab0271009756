// The page's annotations in document order, with their terms and notes; filter by term; click to scroll to the
// passage. Annotations that could not be anchored are listed apart as orphans, never dropped.
import { useMemo, useState } from 'preact/hooks';
import { tabs, type AnnotationItem } from '../messaging';
import type { Term } from '../model';
import type { TabInfo } from './active-tab';
import { t } from './i18n';
import { useTabRequest } from './use-tab-request';

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
  const state = useTabRequest(tab, 'annotations:list', { refreshOn: ['annotations:changed', 'scan:done'] });
  const [filter, setFilter] = useState('');

  const list = state.status === 'ready' ? state.value : null;
  const terms = useMemo(() => new Map((list?.terms ?? []).map((x) => [x.id, x])), [list]);
  if (state.status === 'loading') return <p class="state" aria-busy="true">{t('panelLoading')}</p>;
  // No list: Pizhu is off on the site, or the annotations could not be read.
  if (!list) return <p class="state">{t('annotationsUnavailable')}</p>;
  const { items } = list;
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
          <Item key={item.record.id} item={item} terms={terms} onClick={() => void tabs.sendToTab(tab.id, 'annotations:reveal', { id: item.record.id }).catch(() => {})} />
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
